/**
 * PREVIEW IMPORT POINT. The worker engine serves its preview (/preview/<id>/...) from this
 * Service Worker through `handlePreviewFetch(event): boolean`, exported by
 * sandbox/engines/worker/preview-sw.ts. Until that file exists, no request is a preview request.
 */
import type { FetchEventLike } from "./sw-types";

/**
 * Hands a fetch to the worker engine's preview; true when it took the request.
 *
 * @example
 * if (handlePreviewFetch(event)) return;
 */
export function handlePreviewFetch(_event: FetchEventLike): boolean {
  return false;
}
