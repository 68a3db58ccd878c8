import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to another page of the site: client-side navigation, without Next.js's prefetching.
 * Next.js fetches and parses the page data of every link that scrolls into view; on the outline
 * (each lesson and what it builds on) and a lesson page that is main-thread work right after
 * load, which a learner on a slow laptop waits behind, for pages most never open. The page data
 * is fetched on click.
 *
 * @example
 * <SiteLink href="/learn">Outline</SiteLink>
 */
export function SiteLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
