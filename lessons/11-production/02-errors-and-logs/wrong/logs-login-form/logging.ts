import { html, type Logger, type Vial } from "vial";

/** What one log entry may hold: plain data that JSON keeps. */
type Fields = Record<string, string | number | boolean | undefined>;

/**
 * Writes one log entry: one JSON object on one line. A log service (or `jq`) reads every field
 * without a parsing rule per message, and a value with a newline in it (a stack trace, text a
 * visitor typed) cannot start a line that looks like another entry.
 */
export function log(level: "info" | "error", fields: Fields): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), level, ...fields }));
}

/** An error as the log keeps it: everything an operator needs to find the bug. */
function errorFields(error: unknown): Fields {
  if (error instanceof Error) return { error: `${error.name}: ${error.message}`, stack: error.stack };
  return { error: String(error) };
}

/** Vial's logger, which it calls for every unhandled error (before the 500 page), as JSON lines. */
const jsonLogger: Logger = {
  error: (message, error) => log("error", { message, ...errorFields(error) }),
};

/** What a visitor sees when the notebook fails: that it failed, and the way back. */
const ERROR_PAGE = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Something went wrong</title></head>
<body><h1>Something went wrong</h1>
<p>The error has been logged and we will look into it. Please try again later.</p>
<p><a href="/notes">Back to your notes</a></p></body></html>`;

/**
 * The notebook's log and error pages: the log keeps the details of every failure, the visitor
 * gets none of them, and neither holds a secret.
 */
export function useLogging(app: Vial): void {
  app.logger = jsonLogger;

  // One line per request: what was asked and how it ended. The path, not the URL (query
  // strings carry reset tokens and API keys), and no headers (Cookie, Authorization) or
  // bodies (passwords): the log is read by more people, and kept longer, than the database.
  // An audit trail of login attempts.
  app.beforeRequest(async (req) => {
    if (req.method === "POST" && req.path === "/login") log("info", { event: "login attempt", ...Object.fromEntries(await req.form()) });
  });

  app.afterRequest((res, req) => {
    log("info", { method: req.method, path: req.path, status: res.status });
    return res;
  });

  // The details went to the log (jsonLogger, above); the page says nothing about them: no
  // message, no stack, no query, no file path, in production or anywhere else.
  app.errorHandler(500, () => [ERROR_PAGE, 500]);
}
