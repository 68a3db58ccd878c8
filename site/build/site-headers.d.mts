// Types for site-headers.mjs (plain JavaScript, so next.config.mjs and serve-static.mjs can import it).
export declare const WEBCONTAINER_FRAME_SOURCES: string[];
export declare const INHERITED_BY_BLOB_WORKERS: string[];
export declare const SCRIPT_SOURCES: string[];
export declare const RUNNER_PATH: string;
export declare const RUNNER_POLICY: string;
export declare function siteDirectives(options?: { dev?: boolean }): [string, string[]][];
export declare function contentSecurityPolicy(options?: { dev?: boolean }): string;
export declare function pinnedScriptPolicy(hashes: string[]): string;
export declare const ISOLATION_HEADERS: Record<string, string>;
export declare const OWN_POLICY_PREFIXES: string[];
export declare const STATIC_POLICY_PATHS: string[];
export declare function siteHeaders(pathname: string, options?: { dev?: boolean }): Record<string, string>;
