import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../../site/build/site-headers.mjs";
import { withSiteHeaders } from "../../../site/service-worker/with-site-headers";

describe("withSiteHeaders", () => {
  it("adds the site's headers a cached page lacks and keeps its body and status", async () => {
    const cached = new Response("<html>page</html>", { status: 200, headers: { "Content-Type": "text/html" } });
    const answered = withSiteHeaders(cached, "https://learn.test/learn");
    expect(answered.headers.get("content-security-policy")).toBe(contentSecurityPolicy());
    expect(answered.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answered.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(answered.headers.get("content-type")).toBe("text/html");
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe("<html>page</html>");
  });

  it("keeps headers the server sent and returns a complete response as it is", () => {
    const complete = withSiteHeaders(new Response("x"), "https://learn.test/");
    expect(withSiteHeaders(complete, "https://learn.test/")).toBe(complete);
    const own = withSiteHeaders(new Response("x", { headers: { "Referrer-Policy": "no-referrer" } }), "https://learn.test/");
    expect(own.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
