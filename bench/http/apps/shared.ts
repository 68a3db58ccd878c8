/**
 * What every benchmark app serves, so the five servers answer the same requests with the same
 * status and body. Each app file imports these and wires them up its own framework's way.
 */

/** GET / answers this text. */
export const HELLO = "Hello, World!";
/** GET /json answers this object. */
export const HELLO_JSON = { message: "Hello, World!" } as const;
/** How many `/r<i>/<id>` routes each app registers; the benchmark requests the last one. */
export const ROUTE_COUNT = 100;
/** Signs the session cookie in every app. */
export const SECRET = "benchmark-secret-key-0123456789abcdef";
/** The session cookie's name in every app. */
export const SESSION_COOKIE = "session";
/** The body POST /users accepts, field order as the schemas list them. */
export const VALID_USER = { name: "Ada Lovelace", email: "ada@example.com", age: 36 } as const;

/** The same rules as a zod schema would state them, for frameworks validating with JSON Schema. */
export const USER_JSON_SCHEMA = {
  type: "object",
  required: ["name", "email", "age"],
  properties: {
    name: { type: "string", minLength: 1, maxLength: 100 },
    email: { type: "string", pattern: "^[^@\\s]+@[^@\\s]+$" },
    age: { type: "integer", minimum: 0, maximum: 150 },
  },
} as const;

/** The body of `/r<i>/<id>`: the same text in every app. */
export const routeBody = (index: number, id: string): string => `route ${index}: ${id}`;

/** Where to listen: `PORT` from the environment (the runner picks a free one). */
export function portFromEnv(): number {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error("Set PORT to the port to listen on.");
  return port;
}

/** Prints the line the runner waits for once the server listens. */
export function announceReady(port: number): void {
  process.stdout.write(`ready ${port}\n`);
}
