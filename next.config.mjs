/**
 * Next.js configuration for the course site (app/ routes, site/ code).
 *
 * - Every response carries the site's security headers (site/build/site-headers.mjs): its
 *   Content-Security-Policy, nosniff, Referrer-Policy, and the cross-origin isolation headers
 *   WebContainers need. `next dev` relaxes the policy only by the `'unsafe-eval'` React Refresh
 *   needs.
 * - `SITE_EXPORT=1 npm run build` writes a static copy of the site to out/ (see
 *   site/README.md for serving it with the same headers).
 * - `npm run dev` works at http://localhost:3000 and http://127.0.0.1:3000 alike (allowedDevOrigins).
 * - Type checking is `npm run typecheck`'s job (the whole repository, one tsconfig);
 *   the build only compiles, so it does not fail on work in progress elsewhere in the repo.
 */
import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import { OWN_POLICY_PREFIXES, RUNNER_PATH, RUNNER_POLICY, siteHeaders } from "./site/build/site-headers.mjs";

const staticExport = process.env.SITE_EXPORT === "1";

/** `{ key, value }` pairs, as Next.js wants them. */
function pairs(headers) {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}

/** The header rules: the policy on every path but those that bring their own (see site-headers.mjs). */
function headerRules(dev) {
  const { "Content-Security-Policy": policy, ...everywhere } = siteHeaders("/", { dev });
  const ownPolicy = OWN_POLICY_PREFIXES.map((prefix) => prefix.replace(/^\/|\/$/g, "")).join("|");
  return [
    { source: "/:path*", headers: pairs(everywhere) },
    { source: `/:path((?!(?:${ownPolicy})/).*)`, headers: pairs({ "Content-Security-Policy": policy }) },
    // The worker engine's runner page: the policy its Workers inherit.
    { source: RUNNER_PATH, headers: pairs({ "Content-Security-Policy": RUNNER_POLICY }) },
    // The Service Worker must be re-checked on every visit so a new build reaches learners.
    { source: "/sw.js", headers: pairs({ "Cache-Control": "no-cache" }) },
  ];
}

/** @type {(phase: string) => import("next").NextConfig} */
export default function config(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    reactStrictMode: true,
    // `next dev` serves its HMR socket and dev resources to localhost only; the README's other
    // address of this machine (127.0.0.1, and ::1) would load a page that never hydrates.
    allowedDevOrigins: ["127.0.0.1", "[::1]"],
    poweredByHeader: false,
    typescript: { ignoreBuildErrors: true, tsconfigPath: "site/tsconfig.json" },
    turbopack: {
      // The course loader reads lessons/ by computed paths; that is intended (pages are generated
      // from it at build time), so its "whole project traced" warning is noise.
      ignoreIssue: [{ path: "**/sandbox/course/**", title: /Dynamic filesystem access/ }],
    },
    ...(staticExport ? { output: "export" } : { headers: async () => headerRules(dev) }),
  };
}
