/**
 * The response headers of the course site, in one place: next.config.mjs (`next start`,
 * `next dev`), site/build/serve-static.mjs, public/_headers (a test keeps it equal), the Service
 * Worker's offline answers, and the build step that pins each page's inline scripts
 * (site/build/pin-inline-scripts.mjs). site/README.md explains each choice for people who
 * deploy the static copy.
 *
 * The Content-Security-Policy header is the floor every host can send: it allows inline scripts
 * (`'unsafe-inline'`) because Next.js's App Router writes its data into every page as inline
 * `self.__next_f.push(...)` scripts, which differ per page, and a static host sends one header
 * for all pages. Each built page then tightens it with a `<meta http-equiv>` policy that allows
 * exactly the inline scripts that page has, by hash; browsers enforce both policies, so on a
 * built page no other inline script runs.
 */

/**
 * The hosts WebContainers load in iframes: the headless boot frame (`https://stackblitz.com/headless`,
 * which loads the rest itself, under its own policy) and the app previews
 * (`<id>--<port>--<hash>.local-corp.webcontainer.io`, or `….webcontainer-api.io`). The page
 * itself only posts messages to them, so nothing is added to `connect-src`.
 */
export const WEBCONTAINER_FRAME_SOURCES = ["https://stackblitz.com", "https://*.webcontainer.io", "https://*.webcontainer-api.io"];

/**
 * What the worker engine's Workers would need from the page's policy if the page made them from
 * blob: URLs. It does not: they start from the runner page (RUNNER_PATH below), under the
 * runner's own policy, so the pages need neither `'unsafe-eval'` nor `blob:` scripts.
 */
export const INHERITED_BY_BLOB_WORKERS = [];

/**
 * The worker engine's runner page, and the policy its Workers inherit: an opaque origin, no
 * network, no storage, only blob: scripts and the loader's eval. A copy of RUNNER_POLICY in
 * sandbox/engines/worker/runner-page.ts (tests/sandbox/worker/runner-page.test.ts keeps them equal).
 */
export const RUNNER_PATH = "/sandbox/runner.html";
export const RUNNER_POLICY = "sandbox allow-scripts; default-src 'none'; script-src 'sha256-6V9h/wJ7he0xMTSpdvaB9+acnCZ3RVU9ysGT7u8+fRs=' blob: 'unsafe-eval'; worker-src blob:; base-uri 'none'; form-action 'none'";

/** Where scripts may come from, besides the inline ones. */
export const SCRIPT_SOURCES = ["'self'", ...INHERITED_BY_BLOB_WORKERS];

/**
 * The site's Content-Security-Policy directives. `dev` is `next dev`, whose React Refresh and
 * Turbopack's development chunks evaluate strings.
 *
 * @param {{ dev?: boolean }} [options]
 * @returns {[string, string[]][]}
 */
export function siteDirectives({ dev = false } = {}) {
  return [
    ["default-src", ["'self'"]],
    ["script-src", [...SCRIPT_SOURCES, "'unsafe-inline'", ...(dev && !SCRIPT_SOURCES.includes("'unsafe-eval'") ? ["'unsafe-eval'"] : [])]],
    // Style attributes (Shiki's colours) and the <style> elements CodeMirror adds at runtime
    // cannot be hashed ahead of time.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["worker-src", ["'self'", "blob:"]],
    // 'self': the worker engine's runner (/sandbox/runner.html) and preview (/preview/); the
    // rest: WebContainers.
    ["frame-src", ["'self'", ...WEBCONTAINER_FRAME_SOURCES]],
    ["manifest-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'self'"]],
  ];
}

/**
 * The Content-Security-Policy header's value.
 *
 * @example
 * contentSecurityPolicy(); // "default-src 'self'; script-src 'self' 'unsafe-inline'; …"
 * @param {{ dev?: boolean }} [options]
 */
export function contentSecurityPolicy(options) {
  return siteDirectives(options)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * The policy a built page carries in its `<meta http-equiv>`: scripts from the site, and the
 * inline scripts whose SHA-256 hashes (base64) are listed. It repeats the header's `worker-src`,
 * since without one Workers would fall back to this `script-src`, which has no `blob:`.
 *
 * @example
 * pinnedScriptPolicy(["47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="]);
 * // "script-src 'self' … 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; worker-src 'self' blob:"
 * @param {string[]} hashes
 */
export function pinnedScriptPolicy(hashes) {
  const workers = siteDirectives().find(([name]) => name === "worker-src")?.[1] ?? [];
  return `script-src ${[...SCRIPT_SOURCES, ...hashes.map((hash) => `'sha256-${hash}'`)].join(" ")}; worker-src ${workers.join(" ")}`;
}

/** Cross-origin isolation, which WebContainers need (`require-corp`: Safari lacks credentialless). */
export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * Paths whose responses bring their own Content-Security-Policy (or are never documents): the
 * payload bundles, one of which becomes the learner Worker's script. The site's policy is not
 * added there, since two policies would both apply and the learner Worker needs its own.
 */
export const OWN_POLICY_PREFIXES = ["/sandbox/"];

/**
 * The paths of the static export that get the policy on hosts configured by path patterns
 * (public/_headers): every route of app/ but the payload bundles. Such hosts add up the rules a
 * path matches, so the policy cannot go on `/*` and then come off `/sandbox/`.
 * tests/site/build/site-headers.test.ts checks that every route of app/ is here.
 */
export const STATIC_POLICY_PATHS = [
  "/",
  "/index.html",
  "/learn",
  "/learn.html",
  "/learn/*",
  "/_next/*",
  "/404.html",
  "/_not-found",
  "/_not-found.html",
  "/icon.svg",
  "/offline-manifest.json",
  "/dev/*",
  "/sw.js",
];

/**
 * Every security header for a response to `pathname`.
 *
 * @example
 * siteHeaders("/learn")["X-Content-Type-Options"]; // "nosniff"
 * @param {string} pathname
 * @param {{ dev?: boolean }} [options]
 * @returns {Record<string, string>}
 */
export function siteHeaders(pathname, options) {
  const ownPolicy = OWN_POLICY_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  const policy = pathname === RUNNER_PATH ? RUNNER_POLICY : ownPolicy ? undefined : contentSecurityPolicy(options);
  return {
    ...(policy ? { "Content-Security-Policy": policy } : {}),
    "X-Content-Type-Options": "nosniff",
    // The worker engine's preview routes root-relative links by their same-origin Referer,
    // which this policy keeps whole; other origins see only ours.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...ISOLATION_HEADERS,
  };
}
