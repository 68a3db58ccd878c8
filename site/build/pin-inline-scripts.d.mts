// Types for pin-inline-scripts.mjs (plain JavaScript, run by node after `next build`).
export declare function inlineScriptHashes(html: string): string[];
export declare function pinInlineScripts(html: string): string;
export declare function pinSitePages(dir: string): number;
