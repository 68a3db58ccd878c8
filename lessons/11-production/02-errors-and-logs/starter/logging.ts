import { html, type Vial } from "vial";

/**
 * The notebook's log and error pages. A first draft, written while debugging: it shows
 * everything, to everyone who looks.
 */
export function useLogging(app: Vial): void {
  app.beforeRequest(async (req) => {
    // What the browser sent, to see why a login fails.
    console.log(new Date().toISOString(), req.method, req.url.href, Object.fromEntries(req.headers));
    if (req.method === "POST") console.log("form:", Object.fromEntries(await req.form()));
  });

  app.afterRequest((res, req) => {
    console.log(new Date().toISOString(), req.method, req.url.href, res.status);
    return res;
  });

  // A crash shows what went wrong, so whoever sees it can tell us.
  app.errorHandler(500, (error) => {
    const cause = error instanceof Error && "originalError" in error ? error.originalError : error;
    return [html`<!doctype html><title>Error</title><h1>Something went wrong</h1><pre>${cause instanceof Error ? cause.stack : String(cause)}</pre>`, 500];
  });
}
