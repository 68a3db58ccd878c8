import { SiteLink } from "./site-link";
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
      <SiteLink href="/" className="site-header__brand">
        <span aria-hidden="true" className="site-header__logo">
          ⚗
        </span>{" "}
        Learn Vial
      </SiteLink>
      <nav aria-label="Site" className="site-header__nav">
        <SiteLink href="/learn">Outline</SiteLink>
        <ThemeToggle />
      </nav>
    </header>
  );
}
