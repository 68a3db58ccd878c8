/**
 * Scheduling for work a page can do later: after its load event, when the browser is idle, and
 * (for a part of the page) once that part is on screen. A learner on a slow laptop can read and
 * scroll while it waits, instead of waiting behind it.
 */

/**
 * Calls `run` after the load event, when the browser is next idle (within `timeoutMs`); returns a cancel.
 *
 * @example
 * const cancel = whenLoadedAndIdle(() => navigator.serviceWorker.register("/sw.js"));
 */
export function whenLoadedAndIdle(run: () => void, timeoutMs = 2000): () => void {
  let cancelIdle = () => {};
  const schedule = () => {
    // Safari has no requestIdleCallback: there the next turn of the event loop after load.
    if (typeof globalThis.requestIdleCallback === "function") {
      const id = requestIdleCallback(() => run(), { timeout: timeoutMs });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(run, 0);
      cancelIdle = () => clearTimeout(id);
    }
  };
  if (document.readyState === "complete") schedule();
  else addEventListener("load", schedule, { once: true });
  return () => {
    removeEventListener("load", schedule);
    cancelIdle();
  };
}

/**
 * Calls `run` once `element` is on screen (or within `margin` of it) and the page has loaded and
 * is idle; returns a cancel. Where IntersectionObserver is missing, after load and idle alone.
 *
 * @example
 * useEffect(() => whenShownAfterLoad(placeholder.current!, () => setWanted(true)), []);
 */
export function whenShownAfterLoad(element: Element, run: () => void, margin = "200px"): () => void {
  if (typeof IntersectionObserver !== "function") return whenLoadedAndIdle(run);
  let cancelIdle: (() => void) | null = null;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      cancelIdle = whenLoadedAndIdle(run);
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  return () => {
    observer.disconnect();
    cancelIdle?.();
  };
}
