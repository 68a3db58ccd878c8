/**
 * Next.js configuration for the course site (app/ routes, site/ code).
 *
 * - Every response carries the cross-origin isolation headers WebContainers need
 *   (`require-corp` rather than `credentialless`, which Safari lacks).
 * - `SITE_EXPORT=1 npm run build` writes a static copy of the site to out/ (see
 *   site/README.md for serving it with the same headers).
 * - Type checking is `npm run typecheck`'s job (the whole repository, one tsconfig);
 *   the build only compiles, so it does not fail on work in progress elsewhere in the repo.
 */

/** The headers that make a page cross-origin isolated. */
const isolationHeaders = [
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
];

const staticExport = process.env.SITE_EXPORT === "1";

/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true, tsconfigPath: "site/tsconfig.json" },
  turbopack: {
    // The course loader reads lessons/ by computed paths; that is intended (pages are generated
    // from it at build time), so its "whole project traced" warning is noise.
    ignoreIssue: [{ path: "**/sandbox/course/**", title: /Dynamic filesystem access/ }],
  },
  ...(staticExport
    ? { output: "export" }
    : {
        async headers() {
          return [
            { source: "/:path*", headers: isolationHeaders },
            // The Service Worker must be re-checked on every visit so a new build reaches learners.
            { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
          ];
        },
      }),
};

export default config;
