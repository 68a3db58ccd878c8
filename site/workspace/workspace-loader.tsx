"use client";
/**
 * Loads the workspace (editor, engines, panels) in its own chunk once the page has loaded, the
 * browser is idle and the workspace is on screen (on a narrow screen it sits below the lesson
 * text), so the lesson text is readable, and scrollable, before the editor's code arrives.
 */
import { useEffect, useRef, useState, type Ref } from "react";
import type { LessonPageData } from "../course/page-data";
import { whenShownAfterLoad } from "../components/after-load";
import { useLoaded } from "../components/use-loaded";

/** Where the workspace goes; the spinner only once its code is on the way (an idle spinner still costs frames). */
function WorkspacePlaceholder({ ref, fetching, error }: { ref?: Ref<HTMLElement>; fetching: boolean; error?: string }) {
  return (
    <section ref={ref} id="workspace" className="workspace workspace--loading" aria-label="Workspace" aria-busy={error ? "false" : "true"}>
      {error ? (
        <p role="alert">The editor could not load ({error}). Reload the page to try again.</p>
      ) : (
        <p role="status">
          {fetching ? <span className="spinner" aria-hidden="true" /> : null} Loading the editor…
        </p>
      )}
    </section>
  );
}

const loadWorkspace = () => import("./workspace");

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
  const workspace = useLoaded(loadWorkspace, wanted);
  if (workspace.status !== "loaded") return <WorkspacePlaceholder ref={placeholder} fetching={wanted} error={workspace.status === "failed" ? workspace.error : undefined} />;
  const Workspace = workspace.value.default;
  return <Workspace data={data} />;
}
