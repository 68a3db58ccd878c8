"use client";
/**
 * The workspace's lower area (checks, preview, output, terminal), resizable: a separator the
 * learner drags, or moves with the arrow keys, Page Up/Down, Home and End. The height is kept in
 * `localStorage`. After a check run whose failures do not fit, the area grows to show every
 * failing check (as far as the editor keeps a few lines).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

const HEIGHT_KEY = "learn-vial:results-height";

/**
 * Sent (bubbling) by the checks panel's report view once it shows a report: the view loads in its
 * own chunk, so on the first run it can appear after the run has finished, and the area grows then.
 */
export const REPORT_SHOWN_EVENT = "learn-vial:report-shown";
/** The least each side keeps, in pixels (the editor's is its CSS min-height, 8rem). */
const MIN_RESULTS = 96;
const MIN_EDITOR = 128;
const STEP = 32;

function savedHeight(): number | null {
  try {
    const value = Number(localStorage.getItem(HEIGHT_KEY));
    return Number.isFinite(value) && value >= MIN_RESULTS ? value : null;
  } catch {
    return null;
  }
}

function saveHeight(height: number): void {
  try {
    localStorage.setItem(HEIGHT_KEY, String(Math.round(height)));
  } catch {
    // Kept for this page only.
  }
}

/**
 * The resizable results area.
 *
 * @example
 * <ResultsArea runs={runs}><PanelTabs … /></ResultsArea>
 */
export function ResultsArea({ runs, children }: { runs: number; children: ReactNode }) {
  const area = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  const [limit, setLimit] = useState(600);
  // What the separator announces: the area's height as laid out, whoever sized it.
  const [shown, setShown] = useState(MIN_RESULTS);
  useEffect(() => setHeight(savedHeight()), []);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setShown(Math.round(element.getBoundingClientRect().height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The workspace's height less the editor's least and everything else in it (engine bar, toolbar…).
  const maximum = () => {
    const workspace = area.current?.parentElement;
    if (!workspace) return 600;
    let others = 0;
    for (const child of workspace.children) {
      if (child !== area.current && !child.classList.contains("workspace__editor-area")) others += child.getBoundingClientRect().height;
    }
    return Math.max(MIN_RESULTS, workspace.clientHeight - others - MIN_EDITOR);
  };
  const clamp = (value: number) => Math.min(maximum(), Math.max(MIN_RESULTS, value));
  const resize = (value: number, save: boolean) => {
    const next = clamp(value);
    setLimit(maximum());
    setHeight(next);
    if (save) saveHeight(next);
  };

  // After a run: grow (never shrink) until the failing checks fit; when the run finishes, and
  // when the report view shows the report (it may arrive later, see REPORT_SHOWN_EVENT).
  const growToFailures = () => {
    const element = area.current;
    const panel = element?.querySelector<HTMLElement>("#panel-checks");
    if (!element || !panel || panel.hidden || runsRef.current === 0) return () => {};
    const frame = requestAnimationFrame(() => {
      const failing = [...panel.querySelectorAll<HTMLElement>('.check[data-status="fail"], .check[data-status="error"], [data-testid="checks-error"]')];
      const last = failing.at(-1);
      if (!last) return;
      const missing = last.getBoundingClientRect().bottom - panel.getBoundingClientRect().bottom + panel.scrollTop + 8;
      if (missing > 0) resize(element.getBoundingClientRect().height + missing, false);
    });
    return () => cancelAnimationFrame(frame);
  };
  const runsRef = useRef(runs);
  runsRef.current = runs;
  const growRef = useRef(growToFailures);
  growRef.current = growToFailures;
  // Only when a run finishes; the growth reads the layout itself.
  useEffect(() => growRef.current(), [runs]);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    let cancel = () => {};
    const onShown = () => {
      cancel();
      cancel = growRef.current();
    };
    element.addEventListener(REPORT_SHOWN_EVENT, onShown);
    return () => {
      element.removeEventListener(REPORT_SHOWN_EVENT, onShown);
      cancel();
    };
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const element = area.current;
    if (!element) return;
    event.preventDefault();
    const startY = event.clientY;
    const startHeight = element.getBoundingClientRect().height;
    const onMove = (move: globalThis.PointerEvent) => resize(startHeight + (startY - move.clientY), false);
    const onUp = (up: globalThis.PointerEvent) => {
      resize(startHeight + (startY - up.clientY), true);
      removeEventListener("pointermove", onMove);
      removeEventListener("pointerup", onUp);
    };
    addEventListener("pointermove", onMove);
    addEventListener("pointerup", onUp);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = area.current?.getBoundingClientRect().height ?? MIN_RESULTS;
    const moves: Record<string, number> = { ArrowUp: current + STEP, ArrowDown: current - STEP, PageUp: current + STEP * 4, PageDown: current - STEP * 4, Home: maximum(), End: MIN_RESULTS };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    resize(target, true);
  };

  return (
    <>
      <div
        className="results-separator"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the results area"
        aria-valuemin={MIN_RESULTS}
        aria-valuemax={Math.max(limit, shown)}
        aria-valuenow={shown}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        data-testid="results-separator"
      />
      <div className="results" ref={area} style={height ? { flex: `0 0 ${height}px` } : undefined} data-testid="results-area">
        {children}
      </div>
    </>
  );
}
