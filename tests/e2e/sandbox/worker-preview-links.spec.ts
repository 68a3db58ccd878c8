/**
 * Links inside the worker engine's preview stay inside it: the Service Worker finds the preview
 * a same-origin request came from by its `Referer`. An app with `secureHeaders()` answers with
 * `Referrer-Policy: no-referrer`, which on its own would send every click out of the preview.
 */
import { expect, test } from "@playwright/test";

const APP = `import { Vial, html, secureHeaders } from "vial";
export const app = new Vial();
app.use(secureHeaders());
app.get("/", () => html\`<h1>Home</h1><a href="/about">About</a>\`);
app.get("/about", () => html\`<h1>About us</h1>\`);
`;

test("a link in the preview of an app with secureHeaders() opens the app's page", async ({ page }) => {
  await page.goto("/");
  const url = await page.evaluate(async (app) => {
    await window.harness.ready();
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load({ files: { "app.ts": app }, checks: "" });
    return (await sandbox.start()).url;
  }, APP);
  await page.evaluate((previewUrl) => {
    const frame = document.createElement("iframe");
    frame.id = "preview";
    // As the site's preview panel does.
    frame.setAttribute("sandbox", "allow-scripts allow-forms allow-popups allow-modals allow-same-origin");
    frame.src = previewUrl;
    document.body.append(frame);
  }, url);
  const frame = page.frameLocator("#preview");
  await expect(frame.getByRole("heading", { name: "Home" })).toBeVisible();
  await frame.getByRole("link", { name: "About" }).click();
  await expect(frame.getByRole("heading", { name: "About us" })).toBeVisible();
  // Loosened for the preview only as far as it needs: other origins still get no Referer.
  const policy = await page.evaluate(async (previewUrl) => (await fetch(previewUrl)).headers.get("referrer-policy"), url);
  expect(policy).toBe("same-origin");
});
