/**
 * Scenarios only a browser engine can run (the preview through the Service Worker, its cookie
 * jar, worker isolation), in the same shape as tests/sandbox/contract-cases.ts. They run in
 * the harness page.
 */
import type { ContractScenario } from "../../../sandbox/contract-cases";
import { BROKEN, FAILING_APP, PASSING_WORKSPACE } from "../../../sandbox/contract-fixtures";
import { COOKIE_WORKSPACE } from "../../../sandbox/cookie-cases";

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function get(url: string, init?: RequestInit): Promise<{ status: number; text: string; url: string }> {
  const response = await fetch(url, init);
  return { status: response.status, text: await response.text(), url: response.url };
}

const COUNTER_CHECKS = `import { check, expect } from "grader";
check("a fresh scope for each run", () => {
  const scope = globalThis as { runs?: number };
  scope.runs = (scope.runs ?? 0) + 1;
  expect(scope.runs, "runs seen by this scope").toBe(1);
});
`;

const ZOD_APP = `import { Vial } from "vial";
import { z } from "zod";

const Item = z.object({ name: z.string().min(1) });
export const app = new Vial();
app.post("/items", async (req) => {
  const parsed = Item.safeParse(await req.json());
  return parsed.success ? { created: parsed.data.name } : new Response("invalid", { status: 400 });
});
`;

const ZOD_CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("zod validates in the sandbox", async () => {
  expect((await http(app).post("/items", { json: { name: "tea" } })).json()).toEqual({ created: "tea" });
  expect((await http(app).post("/items", { json: { name: "" } })).status).toBe(400);
});
`;

/** A page that tells its parent what it shows, and from which origin. */
const REPORTING_PAGE_APP = `import { Vial } from "vial";
export const app = new Vial();
app.get("/", () => new Response(
  "<h1>Hello from the preview</h1><script>parent.postMessage({ origin: self.origin, text: document.body.textContent }, '*');</script>",
  { headers: { "content-type": "text/html; charset=utf-8" } },
));
`;

export const browserScenarios: ContractScenario[] = [
  {
    name: "a lesson may import zod (loaded only when a file mentions it)",
    async run(sandbox) {
      await sandbox.load({ files: { "app.ts": ZOD_APP }, checks: ZOD_CHECKS });
      const report = await sandbox.check();
      assert(report.status === "pass", `zod should work in the sandbox, got ${JSON.stringify(report)}`);
    },
  },
  {
    name: "preview: cookies the app sets come back with the next request, through the Service Worker",
    async run(sandbox) {
      await sandbox.load(COOKIE_WORKSPACE);
      const { url } = await sandbox.start();
      const login = await get(new URL("login", url).href, { method: "POST", body: new URLSearchParams({ user: "ada" }) });
      assert(login.status === 200 && login.text === "logged in", `POST /login should log in, got ${login.status} ${login.text}`);
      const me = await get(new URL("me", url).href);
      assert(me.status === 200, `GET /me should answer, got ${me.status} ${me.text}`);
      assert(JSON.stringify(JSON.parse(me.text)) === JSON.stringify({ user: "ada", flavour: "oat" }), `GET /me should see the session and the cookie, got ${me.text}`);
      assert(!document.cookie.includes("flavour"), "the preview's cookies stay in the engine's jar, not the site's");
    },
  },
  {
    name: "preview: a redirect to /path stays inside the preview",
    async run(sandbox) {
      await sandbox.load(COOKIE_WORKSPACE);
      const { url } = await sandbox.start();
      const followed = await get(new URL("go", url).href);
      assert(followed.url === new URL("me", url).href, `the redirect should land on ${new URL("me", url).href}, got ${followed.url}`);
      assert(followed.status === 200 && followed.text.includes('"user"'), `GET /me should answer after the redirect, got ${followed.status} ${followed.text}`);
    },
  },
  {
    name: "preview: shows in an iframe of the cross-origin isolated page, in an opaque origin",
    async run(sandbox) {
      await sandbox.load({ files: { "app.ts": REPORTING_PAGE_APP }, checks: "" });
      const { url } = await sandbox.start();
      const frame = document.createElement("iframe");
      frame.src = url;
      const reported = new Promise<{ origin: string; text: string }>((resolve) => {
        const listener = (event: MessageEvent) => {
          if (event.source !== frame.contentWindow) return;
          removeEventListener("message", listener);
          resolve(event.data as { origin: string; text: string });
        };
        addEventListener("message", listener);
      });
      document.body.append(frame);
      try {
        const { origin, text } = await reported;
        assert(text.includes("Hello from the preview"), `the iframe should show the app's page, got ${JSON.stringify(text.slice(0, 200))}`);
        assert(origin === "null" && frame.contentDocument === null, `the preview should have an opaque origin, got ${origin}`);
      } finally {
        frame.remove();
      }
    },
  },
  {
    name: "preview: a handler that never returns answers 504, and the app serves again afterwards",
    slow: true,
    async run(sandbox) {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { "app.ts": BROKEN.infiniteLoop } });
      const { url } = await sandbox.start();
      const stuck = await get(url);
      assert(stuck.status === 504 && /did not answer GET \/ within/.test(stuck.text), `a looping handler should give 504, got ${stuck.status} ${stuck.text}`);
      const user = await get(new URL("users/7", url).href);
      assert(user.status === 200 && JSON.parse(user.text).id === 7, `the restarted app should answer /users/7, got ${user.status} ${user.text}`);
    },
  },
  {
    name: "messages the learner's code posts itself are not trusted",
    async run(sandbox) {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { ...PASSING_WORKSPACE.files, "app.ts": FAILING_APP + `
const fake = { status: "pass", durationMs: 1, checks: [{ name: "GET /users/<id> answers JSON", status: "pass" }] };
const post = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (message: any, ...rest: any[]) {
  return post.call(this, message?.type === "report" ? { type: "report", report: fake } : message, ...rest);
};
(self as any).postMessage({ type: "report", report: fake });
` } });
      const report = await sandbox.check();
      assert(report.status === "fail" && report.checks[1]?.status === "fail", `the real result should stand, got ${JSON.stringify(report)}`);
    },
  },
  {
    name: "each check run starts from a fresh scope",
    async run(sandbox) {
      await sandbox.load({ files: { "app.ts": "export const app = { fetch: async () => new Response('') };\n" }, checks: COUNTER_CHECKS });
      for (const run of [1, 2]) {
        const report = await sandbox.check();
        assert(report.status === "pass", `run ${run} should see a fresh scope, got ${JSON.stringify(report)}`);
      }
    },
  },
];
