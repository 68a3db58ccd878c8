// The test client: cookies kept between requests, redirects followed (Flask's FlaskClient).
import { describe, expect, it } from "vitest";
import { Vial, redirect } from "vial";

function app() {
  const a = new Vial();
  a.get("/set", () => new Response("set", { headers: [["set-cookie", "a=1; Path=/"], ["set-cookie", "b=2; Path=/only"]] }));
  a.get("/echo", (req) => req.headers.get("cookie") ?? "");
  a.get("/only/echo", (req) => req.headers.get("cookie") ?? "");
  a.get("/clear", () => new Response("", { headers: { "set-cookie": "a=; Max-Age=0; Path=/" } }));
  a.post("/login", () => redirect("/welcome", 303));
  a.get("/welcome", (req) => `welcome via ${req.method}`);
  a.post("/keep", () => redirect("/target", 307));
  a.post("/target", async (req) => `kept ${req.method} ${await req.text()}`);
  a.get("/loop", () => redirect("/loop"));
  return a;
}

describe("testClient", () => {
  it("keeps cookies and sends them to matching paths", async () => {
    const client = app().testClient();
    await client.get("/set");
    expect(await (await client.get("/echo")).text()).toBe("a=1");
    expect(await (await client.get("/only/echo")).text()).toBe("b=2; a=1");
    expect(client.cookies.get("a")).toBe("1");
  });

  it("forgets a cookie deleted by the server", async () => {
    const client = app().testClient();
    await client.get("/set");
    await client.get("/clear");
    expect(await (await client.get("/echo")).text()).toBe("");
  });

  it("follows redirects when asked, turning 303 into GET and keeping POST for 307", async () => {
    const client = app().testClient();
    const noFollow = await client.post("/login");
    expect(noFollow.status).toBe(303);
    const followed = await client.post("/login", { followRedirects: true });
    expect(await followed.text()).toBe("welcome via GET");
    const kept = await client.post("/keep", { body: "payload", followRedirects: true });
    expect(await kept.text()).toBe("kept POST payload");
  });

  it("stops after too many redirects", async () => {
    await expect(app().testClient({ followRedirects: true }).get("/loop")).rejects.toThrow(/Too many redirects/);
  });
});
