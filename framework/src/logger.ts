/**
 * Where Vial logs unhandled errors. Swap it with `new Vial({ logger })` or `app.logger = ...`.
 *
 * @example
 * ```ts
 * import { Vial, type Logger } from "vial";
 * const logger: Logger = { error: (message, error) => console.error(JSON.stringify({ message, error: String(error) })) };
 * const app = new Vial({ logger });
 * ```
 */
export interface Logger {
  error(message: string, error?: unknown): void;
}

/** Logs to the console, once per error, with the stack. */
export const consoleLogger: Logger = {
  error(message, error) {
    console.error(message, error);
  },
};
