import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { whenLoadedAndIdle, whenShownAfterLoad } from "../../../site/components/after-load";

// A page without a DOM: its load event, idle callbacks and one IntersectionObserver, driven by hand.
let readyState: DocumentReadyState;
let loadListeners: Array<() => void>;
let idleCallbacks: Map<number, () => void>;
let observers: FakeObserver[];

class FakeObserver {
  observed: unknown[] = [];
  disconnected = false;
  constructor(readonly callback: (entries: Array<{ isIntersecting: boolean }>) => void, readonly options: { rootMargin?: string }) {
    observers.push(this);
  }
  observe(element: unknown) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  show(isIntersecting: boolean) {
    if (!this.disconnected) this.callback([{ isIntersecting }]);
  }
}

function fireLoad() {
  readyState = "complete";
  for (const listener of loadListeners.splice(0)) listener();
}

function runIdle() {
  const pending = [...idleCallbacks.values()];
  idleCallbacks.clear();
  for (const callback of pending) callback();
}

beforeEach(() => {
  readyState = "loading";
  loadListeners = [];
  idleCallbacks = new Map();
  observers = [];
  let nextId = 1;
  vi.stubGlobal("document", {
    get readyState() {
      return readyState;
    },
  });
  vi.stubGlobal("addEventListener", (type: string, listener: () => void) => type === "load" && loadListeners.push(listener));
  vi.stubGlobal("removeEventListener", (type: string, listener: () => void) => {
    if (type === "load") loadListeners = loadListeners.filter((candidate) => candidate !== listener);
  });
  vi.stubGlobal("requestIdleCallback", (callback: () => void) => {
    const id = nextId++;
    idleCallbacks.set(id, callback);
    return id;
  });
  vi.stubGlobal("cancelIdleCallback", (id: number) => idleCallbacks.delete(id));
  vi.stubGlobal("IntersectionObserver", FakeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("whenLoadedAndIdle", () => {
  it("waits for the load event and then for the browser to be idle", () => {
    const run = vi.fn();
    whenLoadedAndIdle(run);
    runIdle();
    expect(run).not.toHaveBeenCalled();
    fireLoad();
    expect(run).not.toHaveBeenCalled();
    runIdle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("does not run once cancelled, before or after the load event", () => {
    const early = vi.fn();
    whenLoadedAndIdle(early)();
    fireLoad();
    runIdle();
    const late = vi.fn();
    const cancel = whenLoadedAndIdle(late);
    cancel();
    runIdle();
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });
});

describe("whenShownAfterLoad", () => {
  const element = { id: "workspace" } as unknown as Element;

  it("does nothing while the element is off screen, however idle the loaded page is", () => {
    const run = vi.fn();
    whenShownAfterLoad(element, run);
    expect(observers[0]?.observed).toEqual([element]);
    fireLoad();
    runIdle();
    observers[0]!.show(false);
    runIdle();
    expect(run).not.toHaveBeenCalled();
  });

  it("runs once the element is on screen and the page has loaded and is idle, and stops watching", () => {
    const run = vi.fn();
    whenShownAfterLoad(element, run);
    observers[0]!.show(true);
    expect(observers[0]!.disconnected).toBe(true);
    runIdle();
    expect(run).not.toHaveBeenCalled();
    fireLoad();
    runIdle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("does not run when cancelled after the element was shown but before the page was idle", () => {
    const run = vi.fn();
    const cancel = whenShownAfterLoad(element, run);
    fireLoad();
    observers[0]!.show(true);
    cancel();
    runIdle();
    expect(run).not.toHaveBeenCalled();
  });

  it("falls back to load and idle alone where IntersectionObserver is missing", () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    const run = vi.fn();
    whenShownAfterLoad(element, run);
    fireLoad();
    runIdle();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
