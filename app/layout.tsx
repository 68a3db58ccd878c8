import type { ReactNode } from "react";
import { SiteHeader } from "../site/components/site-header";
import { ServiceWorkerRegistration } from "../site/components/service-worker-registration";
import { DevLessonRefresher } from "../site/components/dev-lesson-refresher";
import { HydrateInSlices } from "../site/components/hydrate-in-slices";
import { applyThemeScript } from "../site/state/theme-store";
import "../site/styles/globals.css";

export const metadata = {
  title: { default: "Learn Vial", template: "%s · Learn Vial" },
  description: "An interactive course on Vial, a Flask-style web framework in TypeScript: routing, sessions, validation and secure deployment.",
};

export const viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark" as const,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: applyThemeScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <HydrateInSlices>{children}</HydrateInSlices>
        <footer className="site-footer">
          <ServiceWorkerRegistration />
        </footer>
        {process.env.NODE_ENV === "development" ? <DevLessonRefresher /> : null}
      </body>
    </html>
  );
}
