"use client";
/**
 * Loads the workspace (editor, engines, panels) in its own chunk once the page has loaded, the
 * browser is idle and the workspace is on screen (on a narrow screen it sits below the lesson
 * text), so the lesson text is readable, and scrollable, before the editor's code arrives.
 */
import { lazy, Suspense, useEffect, useRef, useState, type Ref } from "react";
import type { LessonPageData } from "../course/page-data";
import { whenShownAfterLoad } from "../components/after-load";

/** Where the workspace goes; the spinner only once its code is on the way (an idle spinner still costs frames). */
function WorkspacePlaceholder({ ref, fetching }: { ref?: Ref<HTMLElement>; fetching: boolean }) {
  return (
    <section ref={ref} id="workspace" className="workspace workspace--loading" aria-label="Workspace" aria-busy="true">
      <p role="status">
        {fetching ? <span className="spinner" aria-hidden="true" /> : null} Loading the editor…
      </p>
    </section>
  );
}

const Workspace = lazy(() => import("./workspace"));

/**
 * The lazily loaded workspace.
 *
 * @example
 * <WorkspaceLoader data={data} />
 */
export function WorkspaceLoader({ data }: { data: LessonPageData }) {
  const placeholder = useRef<HTMLElement>(null);
  const [wanted, setWanted] = useState(false);
  useEffect(() => (placeholder.current ? whenShownAfterLoad(placeholder.current, () => setWanted(true)) : undefined), []);
  if (!wanted) return <WorkspacePlaceholder ref={placeholder} fetching={false} />;
  return (
    <Suspense fallback={<WorkspacePlaceholder fetching />}>
      <Workspace data={data} />
    </Suspense>
  );
}
