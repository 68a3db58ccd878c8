// proxyFix(): Werkzeug's tests/middleware/test_proxy_fix.py ported case by case, then what the
// Vial port adds: TRUSTED_HOSTS and routing see the forwarded host, bodies survive the rewrite,
// bad values are ignored, and the node adapter records the socket's peer address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Blueprint, Vial } from "vial";
import { serve, type VialServer } from "vial/node";
import { clientAddress, setClientAddress } from "../../../framework/src/client-address";
import { applyProxyFix, forwardedPrefix, proxyFix, type ProxyFixOptions } from "../../../framework/src/middleware/proxy-fix";

interface WerkzeugCase {
  id: string;
  options: ProxyFixOptions;
  /** The URL the proxy's request arrives with (Werkzeug's HTTP_HOST / SERVER_NAME:SERVER_PORT). */
  url: string;
  remoteAddr?: string;
  headers?: Record<string, string>;
  urlRoot: string;
}

// tests/middleware/test_proxy_fix.py::test_proxy_fix parameters. In every case the app must see
// the client address 192.168.0.1 and the given url_root (scheme, host, port and prefix).
const werkzeugCases: WerkzeugCase[] = [
  { id: "for", options: {}, url: "http://spam/", remoteAddr: "192.168.0.2", headers: { "x-forwarded-for": "192.168.0.1", "x-forwarded-proto": "https" }, urlRoot: "https://spam/" },
  { id: "proto", options: { xProto: 1 }, url: "http://spam/", headers: { "x-forwarded-proto": "https" }, urlRoot: "https://spam/" },
  { id: "host", options: { xHost: 1 }, url: "http://spam/", headers: { "x-forwarded-host": "eggs" }, urlRoot: "http://eggs/" },
  { id: "port, host without port", options: { xPort: 1 }, url: "http://spam/", headers: { "x-forwarded-port": "8080" }, urlRoot: "http://spam:8080/" },
  { id: "port, host with port", options: { xPort: 1 }, url: "http://spam:9000/", headers: { "x-forwarded-port": "8080" }, urlRoot: "http://spam:8080/" },
  { id: "port, name", options: { xPort: 1 }, url: "http://spam:9000/", headers: { "x-forwarded-port": "8080" }, urlRoot: "http://spam:8080/" },
  { id: "prefix", options: { xPrefix: 1 }, url: "http://spam/", headers: { "x-forwarded-prefix": "/eggs" }, urlRoot: "http://spam/eggs/" },
  {
    id: "all",
    options: { xFor: 1, xProto: 1, xHost: 1, xPort: 1, xPrefix: 1 },
    url: "http://spam:9000/",
    remoteAddr: "192.168.0.2",
    headers: {
      "x-forwarded-for": "192.168.0.1",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "eggs",
      "x-forwarded-port": "443",
      "x-forwarded-prefix": "/ham",
    },
    urlRoot: "https://eggs/ham/",
  },
  { id: "multiple for", options: { xFor: 2 }, url: "http://spam/", remoteAddr: "192.168.0.3", headers: { "x-forwarded-for": "192.168.0.1, 192.168.0.2" }, urlRoot: "http://spam/" },
  { id: "ignore 0", options: { xFor: 0 }, url: "http://spam/", remoteAddr: "192.168.0.1", headers: { "x-forwarded-for": "192.168.0.2" }, urlRoot: "http://spam/" },
  { id: "ignore len < trusted", options: { xFor: 3 }, url: "http://spam/", remoteAddr: "192.168.0.1", headers: { "x-forwarded-for": "192.168.0.3, 192.168.0.2" }, urlRoot: "http://spam/" },
  { id: "ignore untrusted", options: {}, url: "http://spam/", remoteAddr: "192.168.0.2", headers: { "x-forwarded-for": "192.168.0.3, 192.168.0.1" }, urlRoot: "http://spam/" },
  { id: "ignore empty", options: { xFor: 2 }, url: "http://spam/", remoteAddr: "192.168.0.1", headers: { "x-forwarded-for": ", 192.168.0.3" }, urlRoot: "http://spam/" },
  {
    id: "prefix < for",
    options: { xFor: 2, xPrefix: 1 },
    url: "http://spam/",
    remoteAddr: "192.168.0.2",
    headers: { "x-forwarded-for": "192.168.0.1, 192.168.0.3", "x-forwarded-prefix": "/ham, /eggs" },
    urlRoot: "http://spam/eggs/",
  },
  { id: "ipv6 host", options: { xHost: 1 }, url: "http://spam/", headers: { "x-forwarded-host": "[2001:db8::a]" }, urlRoot: "http://[2001:db8::a]/" },
  { id: "ipv6 port, host without port", options: { xPort: 1 }, url: "http://[2001:db8::a]/", headers: { "x-forwarded-port": "8080" }, urlRoot: "http://[2001:db8::a]:8080/" },
  { id: "ipv6 - port, host with port", options: { xPort: 1 }, url: "http://[2001:db8::a]:9000/", headers: { "x-forwarded-port": "8080" }, urlRoot: "http://[2001:db8::a]:8080/" },
];

function parrotApp(options: ProxyFixOptions): Vial {
  const app = new Vial();
  app.use(proxyFix(options));
  app.get("/parrot", { endpoint: "parrot" }, (req) => ({
    remoteAddr: clientAddress(req),
    urlRoot: `${req.url.origin}${forwardedPrefix(req)}/`,
    external: req.urlFor("parrot", {}, { external: true }),
    path: req.urlFor("parrot"),
  }));
  return app;
}

describe("proxyFix: Werkzeug's test_proxy_fix cases", () => {
  it.each(werkzeugCases)("$id", async ({ options, url, remoteAddr = "192.168.0.1", headers, urlRoot }) => {
    const request = setClientAddress(new Request(new URL("parrot", url), { headers }), remoteAddr);
    const res = await parrotApp(options).fetch(request);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { remoteAddr: string; urlRoot: string; external: string; path: string };
    expect(body.remoteAddr).toBe("192.168.0.1");
    expect(body.urlRoot).toBe(urlRoot);
    // As in Werkzeug's test: building includes the prefix (matching the route ignores it), and
    // external URLs carry the forwarded scheme and host too.
    expect(body.external).toBe(`${urlRoot}parrot`);
    expect(body.path).toBe(`${new URL(urlRoot).pathname}parrot`);
  });
});

describe("proxyFix in a Vial app", () => {
  it("keeps the trusted prefix in routing's slash redirects, as Werkzeug's RequestRedirect does", async () => {
    const app = new Vial();
    app.use(proxyFix({ xPrefix: 1 }));
    app.get("/docs/", () => "docs");
    const proxied = await app.request("http://app.internal/docs?page=2", { headers: { "x-forwarded-prefix": "/shop" } });
    expect([proxied.status, proxied.headers.get("location")]).toEqual([308, "/shop/docs/?page=2"]);
    const direct = await app.request("http://app.internal/docs");
    expect(direct.headers.get("location")).toBe("/docs/");
  });

  it("lets TRUSTED_HOSTS check the forwarded host, not the proxy's", async () => {
    const app = new Vial({ config: { TRUSTED_HOSTS: ["example.com"] } });
    app.use(proxyFix({ xHost: 1 }));
    app.get("/", () => "ok");
    const forwarded = await app.request("http://app.internal:8000/", { headers: { "x-forwarded-host": "example.com" } });
    expect(forwarded.status).toBe(200);
    const direct = await app.request("http://app.internal:8000/");
    expect(direct.status).toBe(400);
  });

  it("ignores X-Forwarded-Host unless trusted", async () => {
    const app = new Vial();
    app.use(proxyFix());
    app.get("/", (req) => req.host);
    const res = await app.request("http://spam/", { headers: { "x-forwarded-host": "evil.example" } });
    expect(await res.text()).toBe("spam");
  });

  it("keeps the method, headers and streamed body when the URL changes", async () => {
    const app = new Vial();
    app.use(proxyFix());
    app.post("/echo", async (req) => ({ url: req.url.href, type: req.headers.get("content-type"), body: await req.text() }));
    const res = await app.request("http://spam/echo?x=1", {
      method: "POST",
      headers: { "x-forwarded-proto": "https", "content-type": "text/plain" },
      body: "payload",
    });
    expect(await res.json()).toEqual({ url: "https://spam/echo?x=1", type: "text/plain", body: "payload" });
  });

  it("ignores values that do not parse, as Werkzeug ignores invalid syntax", async () => {
    const app = new Vial();
    app.use(proxyFix({ xProto: 1, xHost: 1, xPort: 1, xPrefix: 1 }));
    app.get("/", (req) => ({ url: req.url.href, prefix: forwardedPrefix(req) }));
    const cases: Record<string, string>[] = [
      { "x-forwarded-proto": "javascript" },
      { "x-forwarded-host": "evil.example/path" },
      { "x-forwarded-host": "user@evil.example" },
      { "x-forwarded-host": "bad host" },
      { "x-forwarded-port": "99999" },
      { "x-forwarded-port": "80abc" },
      { "x-forwarded-prefix": "no-leading-slash" },
      { "x-forwarded-prefix": "/a?b" },
    ];
    for (const headers of cases) {
      const res = await app.request("http://spam:9000/", { headers });
      expect(await res.json(), JSON.stringify(headers)).toEqual({ url: "http://spam:9000/", prefix: "" });
    }
  });

  it("goes through the test client too", async () => {
    const app = new Vial();
    app.use(proxyFix());
    app.get("/", (req) => req.url.protocol);
    const res = await app.testClient().get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(await res.text()).toBe("https:");
  });

  it("belongs on the app, once, with whole-number counts", () => {
    expect(() => new Blueprint("bp").use(proxyFix())).toThrow(/not on a blueprint/);
    const app = new Vial().use(proxyFix());
    expect(() => app.use(proxyFix())).toThrow(/already installed/);
    expect(() => proxyFix({ xFor: -1 })).toThrow(RangeError);
    expect(() => proxyFix({ xHost: 1.5 })).toThrow(RangeError);
  });
});

describe("applyProxyFix", () => {
  it("wraps any fetch handler and keeps the socket address when X-Forwarded-For is absent", () => {
    const request = setClientAddress(new Request("http://spam/", { headers: { "x-forwarded-proto": "https" } }), "10.0.0.2");
    const fixed = applyProxyFix(request);
    expect(fixed.url).toBe("https://spam/");
    expect(clientAddress(fixed)).toBe("10.0.0.2");
  });

  it("unquotes quoted list values", () => {
    const request = new Request("http://spam/", { headers: { "x-forwarded-for": '"192.0.2.60"' } });
    expect(clientAddress(applyProxyFix(request))).toBe("192.0.2.60");
  });
});

describe("the node adapter records the peer address", () => {
  let server: VialServer;
  beforeAll(async () => {
    const app = new Vial();
    app.use(proxyFix());
    app.get("/", (req) => clientAddress(req) ?? "unknown");
    server = await serve(app, { port: 0, handleSignals: false });
  });
  afterAll(() => server.close());

  it("from the socket, and from the trusted proxy hop", async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toBe("127.0.0.1");
    const proxied = await fetch(`${server.url}/`, { headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.7" } });
    expect(await proxied.text()).toBe("203.0.113.7");
  });
});
