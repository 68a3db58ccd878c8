/**
 * The worker engine's preview (/preview/<id>/...) is served from this Service Worker by
 * `handlePreviewFetch(event): boolean` from sandbox/engines/worker/preview-sw.ts.
 */
export { handlePreviewFetch } from "../../sandbox/engines/worker/preview-sw";
