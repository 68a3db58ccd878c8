/**
 * The preview of the learner's running app: the URL the engine gave, the path in the address
 * bar, and a counter bumped to reload the frame.
 */
import { createStore } from "./store";

export interface PreviewState {
  /** Where the engine serves the app (no trailing slash), or null before it started. */
  baseUrl: string | null;
  path: string;
  reloads: number;
}

export const previewStore = createStore<PreviewState>({ baseUrl: null, path: "/", reloads: 0 });

/**
 * Normalises what the learner typed in the address bar into a path starting with "/".
 *
 * @example
 * normalizePreviewPath("about?x=1"); // "/about?x=1"
 */
export function normalizePreviewPath(typed: string): string {
  const trimmed = typed.trim();
  if (trimmed === "") return "/";
  try {
    // A full URL pasted in: keep only its path, query and fragment.
    const url = new URL(trimmed);
    if (url.protocol === "http:" || url.protocol === "https:") return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    // Not a URL: treat it as a path.
  }
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/**
 * The iframe URL for `path` under the engine's `baseUrl`.
 *
 * @example
 * previewUrl("/preview/abc/", "/about"); // "/preview/abc/about"
 */
export function previewUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, "") + normalizePreviewPath(path);
}
