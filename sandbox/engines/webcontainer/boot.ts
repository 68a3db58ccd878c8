import type { WebContainerLike } from "./types";

/** Thrown when WebContainer.boot() has not finished in time (it never does without network). */
export class WebContainerBootTimeout extends Error {
  override name = "WebContainerBootTimeout";
}

export interface BootOptions {
  /** How long to wait (default 20 000 ms). */
  timeoutMs?: number;
  /** Boots the container; default `WebContainer.boot({ coep: "require-corp", workdirName: "lesson" })`. */
  boot?: () => Promise<WebContainerLike>;
}

/** One boot per page: WebContainers allow a single instance, and a hung boot cannot be retried. */
let booting: Promise<WebContainerLike> | undefined;

async function defaultBoot(): Promise<WebContainerLike> {
  const { WebContainer } = await import("@webcontainer/api");
  // require-corp, not credentialless: Safari has no credentialless (and the site sends require-corp).
  return WebContainer.boot({ coep: "require-corp", workdirName: "lesson" });
}

/**
 * Boots the page's WebContainer once (later calls share the same boot) and waits at most
 * `timeoutMs` for it. Without a network to StackBlitz, `boot()` never settles: this rejects with
 * a {@link WebContainerBootTimeout} that says so. A boot that failed outright may be tried again;
 * one that hangs cannot, short of reloading the page.
 *
 * @example
 * const container = await bootWebContainer({ timeoutMs: 20_000 });
 */
export function bootWebContainer(options: BootOptions = {}): Promise<WebContainerLike> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  if (!booting) {
    const started = (options.boot ?? defaultBoot)();
    booting = started;
    started.catch(() => {
      if (booting === started) booting = undefined;
    });
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
  return Promise.race([booting, timeout]).finally(() => clearTimeout(timer));
}

/** Forgets the page's boot (tests only: a real page boots once). */
export function resetWebContainerBoot(): void {
  booting = undefined;
}
