import { RUNNER_HTML } from "../../../sandbox/engines/worker/runner-page";

// The worker engine's runner page (sandbox/engines/worker/runner-page.ts): the document its
// Workers start from. Its Content-Security-Policy, which they inherit, and the site's other
// headers come from site/build/site-headers.mjs (next.config.mjs, public/_headers), as for
// every other path of the site.
export const dynamic = "force-static";

export function GET() {
  return new Response(RUNNER_HTML, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" } });
}
