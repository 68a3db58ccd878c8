import { describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node";

const CHECKS = `import { attack, check, expect, http } from "grader";
import { app } from "./app";
check("the greeting escapes its input", async () => {
  const findings = await attack.xss({ input: "?name= of GET /", send: (payload) => http(app).get("/", { query: { name: payload } }), contexts: ["text"] });
  expect(findings, "XSS through ?name=").toHaveNoFindings();
}, { task: 1 });
`;

const app = (body: string) => `import { Vial, html } from "vial";\nexport const app = new Vial();\napp.get("/", (req) => ${body});\n`;

async function grade(appSource: string, seed?: string) {
  const sandbox = new NodeSandbox(seed === undefined ? {} : { seed });
  try {
    await sandbox.load({ files: { "app.ts": app(appSource) }, checks: CHECKS });
    return await sandbox.check();
  } finally {
    await sandbox.dispose();
  }
}

describe("the attack kit inside the payload (node engine)", () => {
  it("passes an escaping app, fails a concatenating one, and reports the seed that replays it", async () => {
    const safe = await grade('html`<p>Hello ${req.query.get("name")}</p>`');
    expect(safe.status).toBe("pass");
    expect(safe.seed).toMatch(/^[a-z0-9]{8}$/);
    const unsafe = await grade('"<p>Hello " + req.query.get("name") + "</p>"', "replay-me");
    expect(unsafe.status).toBe("fail");
    expect(unsafe.seed).toBe("replay-me");
    expect(unsafe.checks[0]?.message).toMatch(/^XSS through \?name=: expected no findings, got \d+:\n- sent "<img src=x onerror=x\w+\(\)>"/);
    const replayed = await grade('"<p>Hello " + req.query.get("name") + "</p>"', "replay-me");
    expect(replayed.checks[0]?.message).toBe(unsafe.checks[0]?.message);
  });
});
