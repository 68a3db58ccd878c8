import Link from "next/link";
import { ThemeToggle } from "./theme-toggle";

/**
 * The bar at the top of every page: the course name, the outline, the theme toggle.
 *
 * @example
 * <SiteHeader />
 */
export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-header__brand">
        <span aria-hidden="true" className="site-header__logo">
          ⚗
        </span>{" "}
        Learn Vial
      </Link>
      <nav aria-label="Site" className="site-header__nav">
        <Link href="/learn">Outline</Link>
        <ThemeToggle />
      </nav>
    </header>
  );
}
