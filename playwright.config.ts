import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where there is one (CI and this machine cannot download Playwright's own);
// elsewhere Playwright's bundled browser, so a newcomer's `npm test` works too.
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

const SITE_PORT = Number(process.env.SITE_PORT ?? 3100);
const HARNESS_PORT = Number(process.env.HARNESS_PORT ?? 3200);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json"]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [
    { name: "sandbox", testDir: "tests/e2e/sandbox", use: { baseURL: `http://127.0.0.1:${HARNESS_PORT}` } },
    { name: "site", testDir: "tests/e2e/site", use: { baseURL: `http://127.0.0.1:${SITE_PORT}` } },
    { name: "webcontainer", testDir: "tests/e2e/webcontainer", use: { baseURL: `http://127.0.0.1:${SITE_PORT}` } },
  ],
  webServer: [
    ...(existsSync("tests/e2e/sandbox/harness-server.ts")
      ? [{ command: `npx tsx tests/e2e/sandbox/harness-server.ts ${HARNESS_PORT}`, port: HARNESS_PORT, reuseExistingServer: !process.env.CI, timeout: 120_000 }]
      : []),
    ...(existsSync("app/layout.tsx")
      ? [{ command: `npm run build && npx next start -p ${SITE_PORT} -H 127.0.0.1`, port: SITE_PORT, reuseExistingServer: !process.env.CI, timeout: 600_000 }]
      : []),
  ],
});
