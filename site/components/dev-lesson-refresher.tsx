"use client";
/**
 * Development only: polls the lessons' version and refreshes the page's server components when
 * a lesson file changes, so an instructor sees an edit to lesson.mdx without reloading.
 */
import { useEffect } from "react";
import { useRouter } from "next/navigation";

const POLL_MS = 1000;

/**
 * Renders nothing; refreshes the route when lessons/ changes.
 *
 * @example
 * {process.env.NODE_ENV === "development" && <DevLessonRefresher />}
 */
export function DevLessonRefresher() {
  const router = useRouter();
  useEffect(() => {
    let last: string | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch("/dev/lessons-version", { cache: "no-store" });
        const { version } = (await response.json()) as { version: string };
        if (last !== undefined && version !== last) router.refresh();
        last = version;
      } catch {
        // The dev server is restarting; try again on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
