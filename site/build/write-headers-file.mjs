#!/usr/bin/env node
/**
 * Writes public/_headers, the headers file Netlify and Cloudflare Pages read, from
 * site-headers.mjs (tests/site/build/site-headers.test.ts fails when the two differ):
 *
 *   node site/build/write-headers-file.mjs
 */
import { writeFileSync } from "node:fs";
import { siteHeaders } from "./site-headers.mjs";

const lines = [
  "# Headers for static hosts that read a _headers file (Netlify, Cloudflare Pages), used by the",
  "# static export (SITE_EXPORT=1 npm run build, which copies this file into out/). Written by",
  "# `node site/build/write-headers-file.mjs` from site/build/site-headers.mjs, which next.config.mjs",
  "# also reads. See site/README.md.",
  "/*",
  ...Object.entries(siteHeaders("/")).map(([name, value]) => `  ${name}: ${value}`),
  "",
  "/sw.js",
  "  Cache-Control: no-cache",
  "",
];
writeFileSync(new URL("../../public/_headers", import.meta.url), lines.join("\n"));
console.log("Wrote public/_headers");
