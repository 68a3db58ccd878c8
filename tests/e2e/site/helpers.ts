/**
 * Shared steps for the site's browser tests. Every test runs the worker engine: this machine has
 * no route to StackBlitz, and waiting out the WebContainer boot would only slow the suite.
 */
import { readFileSync } from "node:fs";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const FIRST_LESSON = "/learn/first-steps/hello-vial";

/** The first lesson's own solution, as a learner would type it. */
export const HELLO_SOLUTION = readFileSync("lessons/01-first-steps/01-hello-vial/solution/app.ts", "utf8");

/** Makes every page of `context` use the worker engine, as a learner's switch would. */
export async function useWorkerEngine(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    try {
      localStorage.setItem("learn-vial:engine", "worker");
    } catch {
      // about:blank has no storage.
    }
  });
}

/** Opens a lesson and waits until its sandbox is running. */
export async function openLesson(page: Page, path = FIRST_LESSON): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await expect(page.locator(".cm-content")).toBeVisible();
}

/** Replaces the open file's text, the way a learner would: focus the editor, select all, type. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}

/** The open file's text as the editor shows it (every line is rendered for lesson-sized files). */
export async function editorText(page: Page): Promise<string> {
  return page.locator(".cm-content").evaluate((element) => [...element.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n"));
}

/** How many check runs have finished on this page. */
export async function checkRuns(page: Page): Promise<number> {
  return Number(await page.locator("#workspace").getAttribute("data-check-runs"));
}

/** Runs the checks with `trigger` (default: the Check button) and returns the summary line. */
export async function runChecks(page: Page, trigger?: () => Promise<void>): Promise<string> {
  const before = await checkRuns(page);
  await (trigger ? trigger() : page.getByRole("button", { name: /^Check/ }).click());
  await expect(page.locator("#workspace")).toHaveAttribute("data-check-runs", String(before + 1), { timeout: 60_000 });
  return (await page.getByTestId("checks-summary").textContent()) ?? "";
}

/** Waits until the latest edit is saved in the browser. */
export async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

/**
 * Collects every Content-Security-Policy violation `page` reports, from the DOM event and from
 * the console; call before the page loads.
 */
export async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}
