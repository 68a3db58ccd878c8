"use client";
/**
 * Registers the site's Service Worker (public/sw.js, built from site/service-worker/): it caches
 * the site for offline use and serves the worker engine's preview. Marks <html
 * data-offline-ready> once the site is cached, and says so in the footer. It registers once the
 * page has loaded and the browser is idle, then asks the worker for the course's offline status:
 * that ask starts the precache (site/service-worker/sw.ts), and the worker answers only once the
 * whole course is cached.
 */
import { useEffect, useState } from "react";
import { whenLoadedAndIdle } from "./after-load";

/**
 * Registers the worker and shows whether the course is available offline.
 *
 * @example
 * <ServiceWorkerRegistration />
 */
export function ServiceWorkerRegistration() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type === "learn-vial:offline-ready") {
        document.documentElement.dataset.offlineReady = "true";
        setReady(true);
      }
    };
    navigator.serviceWorker.addEventListener("message", onMessage);
    const register = () =>
      navigator.serviceWorker
        .register("/sw.js", { scope: "/" })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => registration.active?.postMessage({ type: "learn-vial:offline-status" }))
        .catch(() => undefined);
    const cancel = whenLoadedAndIdle(register);
    return () => {
      cancel();
      navigator.serviceWorker.removeEventListener("message", onMessage);
    };
  }, []);
  return ready ? <p className="offline-note">The course is saved for offline use.</p> : null;
}
