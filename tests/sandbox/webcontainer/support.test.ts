import { describe, expect, it } from "vitest";
import { needsTapToBoot, unsupportedReason } from "../../../sandbox/engines/webcontainer/support";
import type { BrowserEnvironment } from "../../../sandbox/engines/webcontainer/support";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI = (version: string) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${version} Safari/605.1.15`;
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const desktop = (userAgent: string): BrowserEnvironment => ({ userAgent, platform: "Linux x86_64", maxTouchPoints: 0, hasSharedArrayBuffer: true, crossOriginIsolated: true });

describe("unsupportedReason (TutorialKit's support check)", () => {
  it("accepts Chromium, Firefox and Safari from 16.4, desktop and mobile", () => {
    for (const agent of [CHROME, FIREFOX, SAFARI("16.4"), SAFARI("17.0.1"), IPHONE]) expect(unsupportedReason(desktop(agent))).toBeNull();
  });

  it("refuses Safari before 16.4, naming the version", () => {
    expect(unsupportedReason(desktop(SAFARI("16.3")))).toBe("WebContainers need Safari 16.4 or later (this is Safari 16.3).");
  });

  it("refuses without SharedArrayBuffer or cross-origin isolation, and other browsers", () => {
    expect(unsupportedReason({ ...desktop(CHROME), hasSharedArrayBuffer: false })).toMatch(/SharedArrayBuffer/);
    expect(unsupportedReason({ ...desktop(CHROME), crossOriginIsolated: false })).toMatch(/cross-origin isolation/);
    expect(unsupportedReason(desktop("SomeBrowser/1.0"))).toMatch(/Chrome, Edge, Firefox and Safari 16.4/);
  });
});

describe("needsTapToBoot (TutorialKit's on-demand boot)", () => {
  it("holds iPhones and iPads, including an iPad that calls itself a Mac", () => {
    expect(needsTapToBoot({ ...desktop(IPHONE), platform: "iPhone" })).toBe(true);
    expect(needsTapToBoot({ ...desktop(SAFARI("17.5")), platform: "iPad", maxTouchPoints: 5 })).toBe(true);
    expect(needsTapToBoot({ ...desktop(SAFARI("17.5")), platform: "MacIntel", maxTouchPoints: 5 })).toBe(true);
  });

  it("lets desktops boot unasked", () => {
    expect(needsTapToBoot({ ...desktop(SAFARI("17.5")), platform: "MacIntel", maxTouchPoints: 0 })).toBe(false);
    expect(needsTapToBoot(desktop(CHROME))).toBe(false);
  });
});
