#!/usr/bin/env node
/**
 * Writes public/_headers, the headers file Netlify and Cloudflare Pages read, from
 * site-headers.mjs (tests/site/build/site-headers.test.ts fails when the two differ):
 *
 *   node site/build/write-headers-file.mjs
 *
 * Such hosts add up every rule a path matches, so the headers every response gets go on `/*`,
 * and the Content-Security-Policy on each path of STATIC_POLICY_PATHS (not on `/sandbox/`).
 */
import { writeFileSync } from "node:fs";
import { RUNNER_PATH, RUNNER_POLICY, siteHeaders, STATIC_POLICY_PATHS } from "./site-headers.mjs";

const { "Content-Security-Policy": policy, ...everywhere } = siteHeaders("/");
const rule = (path, headers) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ""];

const lines = [
  "# Headers for static hosts that read a _headers file (Netlify, Cloudflare Pages), used by the",
  "# static export (SITE_EXPORT=1 npm run build, which copies this file into out/). Written by",
  "# `node site/build/write-headers-file.mjs` from site/build/site-headers.mjs, which next.config.mjs",
  "# also reads. See site/README.md.",
  ...rule("/*", everywhere),
  ...rule("/sw.js", { "Cache-Control": "no-cache" }),
  "# The site's policy: on every path but the payload bundles (/sandbox/), which bring their own.",
  ...STATIC_POLICY_PATHS.flatMap((path) => rule(path, { "Content-Security-Policy": policy })),
  "# The worker engine's runner page: the policy its Workers inherit (no network, no storage).",
  ...rule(RUNNER_PATH, { "Content-Security-Policy": RUNNER_POLICY }),
];
writeFileSync(new URL("../../public/_headers", import.meta.url), lines.join("\n"));
console.log("Wrote public/_headers");
