import { expect, test } from "@playwright/test";
import { FIRST_LESSON, openLesson, useWorkerEngine } from "./helpers";

test.describe("pages", () => {
  test("every page is cross-origin isolated by its headers", async ({ request }) => {
    for (const path of ["/", "/learn", FIRST_LESSON, "/learn/routing/errors", "/sandbox/vial.mjs", "/sw.js", "/offline-manifest.json"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
      expect(response.headers()["cross-origin-embedder-policy"], path).toBe("require-corp");
    }
  });

  test("the home page says what the course teaches and starts it", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Vial/);
    await expect(page.getByRole("heading", { name: /First steps/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Routing/ })).toBeVisible();
    await expect(page.locator(".chapter-card").first()).toContainText("3 lessons · 45 min ·");
    await page.getByRole("link", { name: "Start the course" }).click();
    await expect(page).toHaveURL(new RegExp(`${FIRST_LESSON}$`));
  });

  test("the outline lists every lesson with its state", async ({ page }) => {
    await page.goto("/learn");
    await expect(page.getByRole("heading", { level: 1, name: "Course outline" })).toBeVisible();
    await expect(page.getByTestId("lesson-first-steps/hello-vial").getByRole("link", { name: /Hello, Vial/ })).toHaveAttribute("href", FIRST_LESSON);
    await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Not started");
  });

  test("a lesson's text, tasks and code arrive in the HTML, before the editor's code", async ({ request }) => {
    const html = await (await request.get(FIRST_LESSON)).text();
    expect(html).toContain("Hello, Vial");
    expect(html).toMatch(/id="task-1"/);
    expect(html).toMatch(/--shiki-light:#[0-9A-Fa-f]{6}/);
    expect(html).toContain("Loading the editor");
    expect(html).not.toContain("cm-editor");
  });

  test("a lesson page shows prose, tasks, the editor and neighbours", async ({ page, context }) => {
    await useWorkerEngine(context);
    await openLesson(page);
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Vial" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Task 1: Say hello" })).toBeVisible();
    await expect(page.getByTestId("task-1-status")).toHaveText("Not checked yet");
    await expect(page.getByRole("tab", { name: "app.ts" })).toHaveAttribute("aria-selected", "true");
    await expect(page.locator(".cm-content")).toContainText("export const app = new Vial();");
    await expect(page.getByTestId("engine-bar")).toContainText("Web Worker");
    await expect(page.getByRole("link", { name: /Next/ })).toHaveAttribute("href", "/learn/first-steps/responses");
  });
});
