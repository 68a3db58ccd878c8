"use client";
/**
 * The lesson workspace: engine bar, file tree and tabs, the editor, the toolbar (Check, Compare,
 * Reset), and the Checks / Preview / Output / Terminal panels. Loaded lazily after the prose.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useLoaded } from "../components/use-loaded";
import type { LessonPageData } from "../course/page-data";
import { getRepository } from "../persistence/idb-repository";
import { allowWebContainerBoot } from "../../sandbox/engines/webcontainer/boot";
import { browserEngines, prefetchWorkerEngine } from "../sandbox/open-engine";
import { WorkspaceSession } from "../sandbox/session";
import { engineStore, readEnginePreference, writeEnginePreference, type EngineKind } from "../state/engine-store";
import { activateFile, filesStore } from "../state/files-store";
import { outputStore } from "../state/output-store";
import { previewStore } from "../state/preview-store";
import { reportStore, summarizeReport } from "../state/report-store";
import { useStore } from "../state/use-store";
import { ChecksPanel } from "./checks-panel";
import { EditorSettingsControls } from "./editor-settings";
import { EngineBar } from "./engine-bar";
import { FileTabs, FileTree } from "./file-nav";
import { LessonController } from "./lesson-controller";
import { OutputPanel } from "./output-panel";
import { PanelTabs, type PanelTab } from "./panel-tabs";
import { PreviewPanel } from "./preview-panel";
import { ResetControls } from "./reset-controls";
import { ResultsArea } from "./results-area";
import { SaveIndicator } from "./save-indicator";

// Each in its own chunk, so no one piece of script blocks the page for long: the editor
// (CodeMirror) comes after the workspace around it (useLoaded: shown the moment it is there),
// the diff view only once it is opened.
const loadEditor = () => import("./code-editor");
const CompareDialog = lazy(() => import("./compare-dialog").then((module) => ({ default: module.CompareDialog })));
const TerminalPanel = lazy(() => import("./terminal-panel"));

/** The check shortcut as this platform writes it (the workspace renders in the browser only). */
function shortcutLabel(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘+Enter" : "Ctrl+Enter";
}

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The workspace of one lesson.
 *
 * @example
 * <Workspace data={lessonPageData(course, lesson)} />
 */
export default function Workspace({ data }: { data: LessonPageData }) {
  const [controller, setController] = useState<LessonController | null>(null);
  const session = useRef<WorkspaceSession | null>(null);
  const [panel, setPanel] = useState("checks");
  const [comparing, setComparing] = useState(false);
  // The dialog stays mounted once opened, so closing it hands focus back like any <dialog>.
  const [compared, setCompared] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const files = useStore(filesStore);
  const engine = useStore(engineStore);
  const { running, runs } = useStore(reportStore);
  const dataRef = useRef(data);
  dataRef.current = data;

  // Fetched while the saved files are read, so the editor is not waiting for both in turn.
  const editor = useLoaded(loadEditor);

  useEffect(() => {
    const lesson = dataRef.current;
    // Every lesson starts on the worker engine: its bundles download while the files are read.
    prefetchWorkerEngine();
    const created = new WorkspaceSession(browserEngines, lesson.checks, { needsTerminal: lesson.needsTerminal });
    const lessonController = new LessonController(lesson, getRepository(), created);
    session.current = created;
    outputStore.set("");
    previewStore.set({ baseUrl: null, path: "/", reloads: 0 });
    let cancelled = false;
    void lessonController.open().then((opened) => {
      if (cancelled) return;
      setController(lessonController);
      void created.start(opened, readEnginePreference(storage()));
    });
    const save = () => void lessonController.flush();
    const onVisibility = () => document.visibilityState === "hidden" && save();
    addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      cancelled = true;
      removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onVisibility);
      save();
      void created.dispose();
      session.current = null;
    };
  }, [data.id, data.checks]);

  const runCheck = useCallback(() => {
    if (!controller) return;
    setPanel("checks");
    setAnnouncement(engineStore.get().phase === "ready" ? "Running the checks…" : "Waiting for the sandbox to start: the checks run as soon as it is ready…");
    void controller.check().then((report) => report && setAnnouncement(summarizeReport(report)));
  }, [controller]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      event.preventDefault();
      runCheck();
    };
    addEventListener("keydown", onKeyDown);
    return () => removeEventListener("keydown", onKeyDown);
  }, [runCheck]);

  const chooseEngine = (kind: EngineKind) => {
    // The learner's choice is the ask that iPhone and iPad wait for before booting WebContainers.
    if (kind === "webcontainer") allowWebContainerBoot();
    writeEnginePreference(storage(), kind);
    void session.current?.choose(kind);
  };
  const retry = () => void session.current?.retry();

  const active = files.active;
  const tabs: PanelTab[] = [
    { id: "checks", label: "Checks", content: <ChecksPanel tasks={data.tasks} /> },
    { id: "preview", label: "Preview", content: <PreviewPanel onReload={() => void session.current?.restartPreview()} /> },
    { id: "output", label: "Output", content: <OutputPanel /> },
  ];
  const openTerminal = session.current?.opened?.openTerminal;
  if (engine.kind === "webcontainer" && engine.phase === "ready" && openTerminal) {
    tabs.push({
      id: "terminal",
      label: "Terminal",
      content: panel === "terminal" ? (
        <Suspense fallback={<p>Loading the terminal…</p>}>
          <TerminalPanel open={openTerminal} />
        </Suspense>
      ) : null,
    });
  }

  return (
    <section id="workspace" className="workspace" aria-label="Workspace" tabIndex={-1} data-ready={controller ? "true" : "false"} data-check-runs={runs}>
      <EngineBar onChoose={chooseEngine} onRetry={retry} />
      <div className="workspace__editor-area">
        <FileTree paths={Object.keys(files.files)} open={files.open} active={active} onOpen={(path) => filesStore.update((state) => activateFile(state, path))} />
        <div className="workspace__editor">
          <div className="workspace__editor-head">
            <FileTabs paths={Object.keys(files.files)} open={files.open} active={active} onOpen={(path) => filesStore.update((state) => activateFile(state, path))} />
            <EditorSettingsControls />
          </div>
          <div id="editor-panel" role="tabpanel" aria-labelledby={`file-tab-${Math.max(0, files.open.indexOf(active ?? ""))}`} className="workspace__editor-panel">
            {editor.status === "failed" ? (
              <p className="workspace__loading" role="alert">The editor could not load ({editor.error}). Reload the page to try again.</p>
            ) : controller && active !== null && editor.status === "loaded" ? (
              <editor.value.CodeEditor path={active} value={files.files[active] ?? ""} onChange={(path, contents) => controller.edit(path, contents)} onCheck={runCheck} />
            ) : controller && active !== null ? (
              <p className="workspace__loading">Loading the editor…</p>
            ) : (
              <p className="workspace__loading">Loading your files…</p>
            )}
          </div>
        </div>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Lesson actions">
        <button type="button" className="button button--primary" onClick={runCheck} disabled={!controller || running} aria-keyshortcuts="Control+Enter Meta+Enter">
          {running ? "Checking…" : "Check"} <kbd>{shortcutLabel()}</kbd>
        </button>
        <button type="button" className="button" onClick={() => {
            setCompared(true);
            setComparing(true);
          }} disabled={!controller}>
          Compare with solution
        </button>
        {controller ? <ResetControls controller={controller} onDone={setAnnouncement} /> : null}
        <SaveIndicator />
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
      <ResultsArea runs={runs}>
        <PanelTabs tabs={tabs} active={tabs.some((tab) => tab.id === panel) ? panel : "checks"} onSelect={setPanel} />
      </ResultsArea>
      {compared ? (
        <Suspense fallback={null}>
          <CompareDialog open={comparing} onClose={() => setComparing(false)} mine={files.files} solution={data.solution} />
        </Suspense>
      ) : null}
    </section>
  );
}
