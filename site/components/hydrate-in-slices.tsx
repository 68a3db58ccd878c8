import { Suspense, type ReactNode } from "react";

/**
 * Server-rendered content that React hydrates in a render of its own, in slices, instead of in
 * the one render that hydrates the rest of the page. React hydrates a completed `<Suspense>`
 * boundary from the server after the page around it, at a low priority and yielding to the
 * browser every few milliseconds, so a long lesson or the whole outline does not become one
 * long main-thread task (a slow laptop cannot scroll or type meanwhile). A click inside it before
 * then hydrates it at once and is replayed. The fallback is never shown: the pages are static and
 * their content is in the HTML.
 *
 * @example
 * <HydrateInSlices>{prose}</HydrateInSlices>
 */
export function HydrateInSlices({ children }: { children: ReactNode }) {
  return <Suspense>{children}</Suspense>;
}
