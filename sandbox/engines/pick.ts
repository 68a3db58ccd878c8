/**
 * Chooses the browser engine (DESIGN.md section 3): WebContainers where the page is
 * cross-origin isolated and the container boots in time, else the worker engine, which runs
 * everywhere and offline. The learner may choose either; choosing WebContainers still needs
 * isolation and a boot.
 */

/** The browser engines. */
export type EngineKind = "webcontainer" | "worker";

export interface PickEngineOptions<Container> {
  /** `globalThis.crossOriginIsolated` of the page. */
  crossOriginIsolated: boolean;
  /** Boots the page's WebContainer (e.g. `() => bootWebContainer()`); only called when it can be used. */
  bootWebContainer: () => Promise<Container>;
  /** How long the boot may take (default 30 000 ms, as StackBlitz's own test kit allows). */
  timeoutMs?: number;
  /** The learner's choice, if they made one. */
  preferred?: EngineKind | null;
}

/** The engine chosen, why (a sentence for the learner), and the booted container when it is WebContainers. */
export type EngineChoice<Container> =
  | { kind: "webcontainer"; reason: string; webcontainer: Container }
  | { kind: "worker"; reason: string };

const TIMED_OUT = Symbol("timed out");

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`.replace(".0 s", " s");
}

/**
 * Picks the engine. Never rejects: every way WebContainers can fail ends on the worker engine
 * with the reason.
 *
 * @example
 * const choice = await pickEngine({ crossOriginIsolated, bootWebContainer: () => bootWebContainer(), preferred: null });
 * const sandbox = choice.kind === "webcontainer"
 *   ? createWebContainerSandbox({ webcontainer: choice.webcontainer })
 *   : createWorkerSandbox();
 * engineBar.show(choice.reason); // e.g. "Using the worker engine: StackBlitz did not answer within 30 s."
 */
export async function pickEngine<Container>(options: PickEngineOptions<Container>): Promise<EngineChoice<Container>> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const chose = options.preferred === "webcontainer";
  if (options.preferred === "worker") return { kind: "worker", reason: "Using the worker engine: you chose worker." };
  if (!options.crossOriginIsolated) {
    const who = chose ? "you chose WebContainers, but they" : "WebContainers";
    return { kind: "worker", reason: `Using the worker engine: ${who} need cross-origin isolation, which this page does not have.` };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)));
  let booted: Container | typeof TIMED_OUT;
  try {
    booted = await Promise.race([Promise.resolve().then(options.bootWebContainer), timeout]);
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    // An unsupported browser or an iPhone waiting for a tap: the boot's own sentence says why.
    if (name === "WebContainerUnavailable") return { kind: "worker", reason: `Using the worker engine: ${message}` };
    const reason = name === "WebContainerBootTimeout" ? `StackBlitz did not answer within ${seconds(timeoutMs)}` : `WebContainers could not start (${message.replace(/\.$/, "")})`;
    return { kind: "worker", reason: `Using the worker engine: ${reason}.` };
  } finally {
    clearTimeout(timer);
  }
  if (booted === TIMED_OUT) return { kind: "worker", reason: `Using the worker engine: StackBlitz did not answer within ${seconds(timeoutMs)}.` };
  const why = chose ? "you chose WebContainers" : "this page is cross-origin isolated and StackBlitz answered";
  return { kind: "webcontainer", reason: `Using WebContainers: ${why}.`, webcontainer: booted };
}
