import { browserEnvironment, needsTapToBoot, unsupportedReason } from "./support";
import type { BrowserEnvironment } from "./support";
import type { WebContainerLike } from "./types";

/** Thrown when WebContainer.boot() has not finished in time (it never does without network). */
export class WebContainerBootTimeout extends Error {
  override name = "WebContainerBootTimeout";
}

/** Thrown, without booting, where WebContainers cannot or may not start yet; the message says why. */
export class WebContainerUnavailable extends Error {
  override name = "WebContainerUnavailable";
}

/**
 * How long a boot may take: StackBlitz's own test kit (@webcontainer/test) and Bolt allow 30 s,
 * and first boots past 20 s are common in StackBlitz's issue tracker.
 */
export const BOOT_TIMEOUT_MS = 30_000;

export interface BootOptions {
  /** How long to wait (default {@link BOOT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Boots the container; default `WebContainer.boot(…)` with the options below. */
  boot?: () => Promise<WebContainerLike>;
  /** The browser, for the support check; default the page's (checked only with the default boot). */
  environment?: BrowserEnvironment;
}

/**
 * The page's boot, kept on globalThis rather than in this module: a hot reload of this module in
 * development evaluates it again, and a second `WebContainer.boot()` throws ("Only a single
 * WebContainer instance can be booted"; the troubleshooting guide's "Proxy has been released").
 */
interface BootState {
  booting?: Promise<WebContainerLike>;
  booted?: WebContainerLike;
  /** The learner asked for WebContainers (a tap), which iPhone and iPad wait for. */
  asked: boolean;
}

const STATE_KEY = Symbol.for("learn-vial.webcontainer-boot");

function bootState(): BootState {
  const holder = globalThis as { [STATE_KEY]?: BootState };
  return (holder[STATE_KEY] ??= { asked: false });
}

async function defaultBoot(): Promise<WebContainerLike> {
  const { WebContainer } = await import("@webcontainer/api");
  return WebContainer.boot({
    // require-corp, not credentialless: Safari has no credentialless (and the site sends require-corp).
    coep: "require-corp",
    workdirName: "lesson",
    // The preview's uncaught errors, rejections and console.error reach the page as
    // `preview-message` events, which the engine prints (off by default in the API).
    forwardPreviewErrors: true,
  });
}

function refusal(environment: BrowserEnvironment): string | null {
  const unsupported = unsupportedReason(environment);
  if (unsupported) return unsupported;
  if (needsTapToBoot(environment) && !bootState().asked) {
    return "On iPhone and iPad, WebContainers start only when you ask, as they can crash the tab: choose “Switch to WebContainer” to start them.";
  }
  return null;
}

/**
 * Records that the learner asked for WebContainers (call it from the tap or click that asks):
 * on iPhone and iPad the boot waits for this, as TutorialKit's `unblockBoot()` does.
 *
 * @example
 * button.onclick = () => { allowWebContainerBoot(); void session.start(files, "webcontainer"); };
 */
export function allowWebContainerBoot(): void {
  bootState().asked = true;
}

/**
 * Boots the page's WebContainer once (later calls share the same boot) and waits at most
 * `timeoutMs` for it. Checks first that the browser can run one (and, on iPhone and iPad, that
 * the learner asked): if not, rejects with a {@link WebContainerUnavailable} saying why, without
 * booting. Without a network to StackBlitz, `boot()` never settles: this rejects with a
 * {@link WebContainerBootTimeout} that says so. A boot that failed outright may be tried again;
 * one that hangs cannot, short of reloading the page.
 *
 * @example
 * const container = await bootWebContainer({ timeoutMs: 30_000 });
 */
export function bootWebContainer(options: BootOptions = {}): Promise<WebContainerLike> {
  const timeoutMs = options.timeoutMs ?? BOOT_TIMEOUT_MS;
  const state = bootState();
  if (!state.booting) {
    const environment = options.environment ?? (options.boot ? undefined : browserEnvironment());
    const refused = environment ? refusal(environment) : null;
    if (refused) return Promise.reject(new WebContainerUnavailable(refused));
    const started = (options.boot ?? defaultBoot)();
    state.booting = started;
    started.then(
      (container) => {
        if (state.booting === started) state.booted = container;
      },
      () => {
        if (state.booting === started) state.booting = undefined;
      },
    );
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new WebContainerBootTimeout(
        `StackBlitz did not answer within ${Math.round(timeoutMs / 1000)} s, so WebContainers could not start. ` +
          "They need a network connection to stackblitz.com; reload the page to try again, or use the worker engine, which runs offline.",
      ));
    }, timeoutMs);
  });
  return Promise.race([state.booting, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Tears a container down (ending every process in it, which is the only way to stop a busy
 * loop: WebContainers deliver signals through the process's event loop, stackblitz/webcontainer-core#1121)
 * and forgets the page's boot, so the next {@link bootWebContainer} boots a new one. The API
 * allows a boot after `teardown()` (since 1.1.6).
 *
 * @example
 * tearDownWebContainer(container);
 * const fresh = await bootWebContainer();
 */
export function tearDownWebContainer(container: WebContainerLike): void {
  const state = bootState();
  if (state.booted === container) {
    state.booting = undefined;
    state.booted = undefined;
  }
  container.teardown();
}

/** Forgets the page's boot and the learner's ask (tests only: a real page boots once). */
export function resetWebContainerBoot(): void {
  const state = bootState();
  state.booting = undefined;
  state.booted = undefined;
  state.asked = false;
}
