"use client";
/**
 * Code split into its own chunk, shown as soon as it has arrived. React.lazy under <Suspense>
 * would hold it back: React reveals a boundary's content no sooner than 300 ms after the last
 * fallback it showed (its fallback throttle), and on the lesson page that wait came twice in a
 * row (the workspace, then the editor inside it) before the sandbox could start.
 *
 * The arrival is rendered as a transition: React then renders the new part (the whole
 * workspace, say) in slices, yielding to the browser every few milliseconds, rather than in one
 * long main-thread task; the page stays responsive while it appears.
 */
import { startTransition, useEffect, useState } from "react";

export type Loaded<T> = { status: "loading" } | { status: "loaded"; value: T } | { status: "failed"; error: string };

/**
 * What `load` resolves to once `wanted` (loading meanwhile, or why it failed). `load` must be
 * the same function on every render (define it at module level).
 *
 * @example
 * const loadEditor = () => import("./code-editor");
 * const editor = useLoaded(loadEditor);
 * return editor.status === "loaded" ? <editor.value.CodeEditor {...props} /> : <p>Loading the editor…</p>;
 */
export function useLoaded<T>(load: () => Promise<T>, wanted = true): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: "loading" });
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    load().then(
      (value) => current && startTransition(() => setLoaded({ status: "loaded", value })),
      (error: unknown) => current && setLoaded({ status: "failed", error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, wanted]);
  return loaded;
}
