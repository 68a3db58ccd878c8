/**
 * Whether this browser can run WebContainers, and whether it may boot one unasked. Both follow
 * TutorialKit's runtime (packages/runtime/src/utils/support.ts and webcontainer/on-demand-boot.ts)
 * and the browser-support guide on webcontainers.io: Chromium and Firefox, Safari from 16.4
 * (it lacks `Atomics.waitAsync` before), SharedArrayBuffer (so cross-origin isolation); and no
 * boot on iPhone or iPad until the learner asks, since tabs there crash from memory pressure.
 */

/** What the checks read from the browser; `browserEnvironment()` gives the page's. */
export interface BrowserEnvironment {
  userAgent: string;
  /** `navigator.platform` ("iPhone", "MacIntel", …). */
  platform: string;
  maxTouchPoints: number;
  hasSharedArrayBuffer: boolean;
  crossOriginIsolated: boolean;
}

/**
 * The page's browser, as the checks below read it.
 *
 * @example
 * const reason = unsupportedReason(browserEnvironment());
 */
export function browserEnvironment(): BrowserEnvironment {
  const navigator = globalThis.navigator as (Navigator & { platform?: string }) | undefined;
  return {
    userAgent: navigator?.userAgent ?? "",
    platform: navigator?.platform ?? "",
    maxTouchPoints: navigator?.maxTouchPoints ?? 0,
    hasSharedArrayBuffer: typeof globalThis.SharedArrayBuffer === "function",
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
}

/**
 * Why WebContainers cannot run here, in words for the learner, or null when they can.
 *
 * @example
 * unsupportedReason({ userAgent: "… Version/16.3 Safari/605.1.15", platform: "MacIntel", maxTouchPoints: 0, hasSharedArrayBuffer: true, crossOriginIsolated: true })
 * // "WebContainers need Safari 16.4 or later (this is Safari 16.3)."
 */
export function unsupportedReason(environment: BrowserEnvironment): string | null {
  if (!environment.crossOriginIsolated) return "WebContainers need cross-origin isolation, which this page does not have.";
  if (!environment.hasSharedArrayBuffer) return "WebContainers need SharedArrayBuffer, which this browser does not offer.";
  const { userAgent } = environment;
  if (userAgent.includes("Chrome") || userAgent.includes("Firefox")) return null;
  if (userAgent.includes("Safari")) {
    const match = /Version\/(\d+)\.(\d+)(?:\.\d+)? (?:Mobile\/\S+ )?Safari/.exec(userAgent);
    const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (major > 16 || (major === 16 && minor >= 4)) return null;
    return `WebContainers need Safari 16.4 or later${match ? ` (this is Safari ${major}.${minor})` : ""}.`;
  }
  return "WebContainers run in Chrome, Edge, Firefox and Safari 16.4 or later, and this browser is none of them.";
}

/**
 * iPhone and iPad (which may call itself "MacIntel" with a touch screen): WebContainers boot
 * there only when the learner asks, as in TutorialKit.
 *
 * @example
 * needsTapToBoot({ ...environment, platform: "iPhone" }) // true
 */
export function needsTapToBoot(environment: BrowserEnvironment): boolean {
  const iPhone = /iPhone/.test(environment.userAgent) || environment.platform === "iPhone";
  const iPad = environment.platform === "iPad" || (environment.platform === "MacIntel" && environment.maxTouchPoints > 1);
  return iPhone || iPad;
}
