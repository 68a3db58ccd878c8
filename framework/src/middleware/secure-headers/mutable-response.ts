/**
 * Changing a response's headers in an after-request hook. Most responses have mutable headers,
 * but `Response.redirect()`, `Response.error()` and responses from `fetch()` (a proxied upstream)
 * do not: for those the change is applied to a copy, which shares the body stream.
 */

/**
 * Applies `change` to the response's headers and returns the response that carries them: the
 * same one when its headers are mutable, otherwise a copy.
 *
 * @example
 * ```ts
 * const res = withHeaderChanges(Response.redirect("https://example.com/"), (h) => h.set("x-a", "1"));
 * ```
 */
export function withHeaderChanges(response: Response, change: (headers: Headers) => void): Response {
  try {
    change(response.headers);
    return response;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Immutable headers throw before changing anything, so the copy starts from the original.
    const copy = new Response(response.body, response);
    change(copy.headers);
    return copy;
  }
}
