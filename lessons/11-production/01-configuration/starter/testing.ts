import type { TestClient, TestClientOptions } from "vial/testing";

/** An app under test: each `createApp()` call makes a fresh one, with no members and no notes. */
export interface AppUnderTest {
  fetch(request: Request): Promise<Response>;
  /** Vial's test client: keeps the cookies the app sets, follows redirects when asked. */
  testClient(options?: TestClientOptions): TestClient;
}

/** Makes a fresh app from settings, as `createApp` in app.ts does: `createApp({ TESTING: true })`. */
export type CreateApp = (config?: Record<string, unknown>) => AppUnderTest;

/**
 * Your tests: a name for each, and a function that gets the app factory and throws when the
 * app is wrong. A test that returns without throwing passed.
 */
export type Tests = Record<string, (createApp: CreateApp) => Promise<void>>;

/** Throws `message` unless `condition` holds: the plain `assert` of a pytest test. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Throws unless `actual` and `expected` are the same value, saying both. */
export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
