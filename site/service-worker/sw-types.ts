/**
 * The few Service Worker types the site's worker uses, declared here because the repository's
 * tsconfig targets the DOM (the WebWorker lib would clash with it).
 */

export interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  clientId: string;
  resultingClientId?: string;
  respondWith(response: Response | Promise<Response>): void;
}

export interface MessageEventLike extends ExtendableEventLike {
  data: unknown;
  source: { postMessage(message: unknown): void } | null;
}

export interface ClientLike {
  postMessage(message: unknown): void;
}

export interface ServiceWorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  registration: { active: (EventTarget & { state: string }) | null };
  clients: { claim(): Promise<void>; matchAll(options?: { includeUncontrolled?: boolean; type?: string }): Promise<ClientLike[]> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEventLike) => void): void;
  addEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
}
