"use client";
/**
 * Loads the workspace (editor, engines, panels) in its own chunk after the page, so the lesson
 * text is readable before the editor's code arrives.
 */
import dynamic from "next/dynamic";
import type { LessonPageData } from "../course/page-data";

function WorkspacePlaceholder() {
  return (
    <section id="workspace" className="workspace workspace--loading" aria-label="Workspace" aria-busy="true">
      <p role="status">
        <span className="spinner" aria-hidden="true" /> Loading the editor…
      </p>
    </section>
  );
}

const Workspace = dynamic(() => import("./workspace"), { ssr: false, loading: WorkspacePlaceholder });

/**
 * The lazily loaded workspace.
 *
 * @example
 * <WorkspaceLoader data={data} />
 */
export function WorkspaceLoader({ data }: { data: LessonPageData }) {
  return <Workspace data={data} />;
}
