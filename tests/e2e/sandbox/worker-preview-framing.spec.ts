/**
 * The security lessons' apps forbid framing (secureHeaders() with frame-ancestors 'none' and
 * X-Frame-Options: DENY), and the preview is a frame. In headless Chromium, the worker engine's
 * preview of such an app still shows the page, with the note that says why the app is right
 * to refuse (sandbox/engines/worker/preview-framing.ts).
 */
import { expect, test } from "@playwright/test";

/** The iframe attributes the site's preview panel uses (site/workspace/preview-panel.tsx). */
const PREVIEW_SANDBOX = "allow-scripts allow-forms allow-popups allow-modals allow-same-origin";

const GUARDED_APP = `import { Vial, html, secureHeaders } from "vial";
export const app = new Vial();
app.use(secureHeaders({ contentSecurityPolicy: { frameAncestors: ["'none'"] }, xFrameOptions: "DENY" }));
app.get("/", () => html\`<!doctype html><html><body><h1>Guestbook</h1></body></html>\`);
`;

test("a preview of an app that forbids framing shows the app, and a note saying why it forbids it", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(async ({ app, sandboxFlags }) => {
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load({ files: { "app.ts": app }, checks: "" });
    const { url } = await sandbox.start();
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", sandboxFlags);
    frame.id = "preview";
    frame.src = url;
    document.body.append(frame);
  }, { app: GUARDED_APP, sandboxFlags: PREVIEW_SANDBOX });

  const preview = page.frameLocator("#preview");
  await expect(preview.locator("h1")).toHaveText("Guestbook");
  await expect(preview.locator("[role=note]")).toContainText("this app forbids being shown in a frame (frame-ancestors 'none' and X-Frame-Options: DENY), and that is right");
});
