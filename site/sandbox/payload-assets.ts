/**
 * The static files the worker engine fetches to run learner code (the framework bundle, the
 * runtime, sucrase...). The Service Worker precaches them so checks work offline.
 *
 * PAYLOAD IMPORT POINT: filled in once sandbox/engines/worker publishes where its payload lives.
 */
export const PAYLOAD_ASSET_URLS: readonly string[] = [];
