/**
 * The list the Service Worker precaches on install: every page of the course and the sandbox
 * payload the worker engine loads, so a learner who visited once can work offline.
 */
import type { Course } from "../../sandbox/course";
import { allLessons, lessonHref } from "./course-data";
import { PAYLOAD_ASSET_URLS } from "../sandbox/payload-assets";

export interface OfflineManifest {
  pages: string[];
  assets: string[];
}

/**
 * The offline manifest of `course`, with `buildFiles` (the build's /_next/static/ URLs).
 *
 * @example
 * offlineManifest(course, await staticBuildFiles()).pages; // ["/", "/learn", "/learn/first-steps/hello-vial", ...]
 */
export function offlineManifest(course: Course, buildFiles: readonly string[] = []): OfflineManifest {
  return {
    pages: ["/", "/learn", ...allLessons(course).map((lesson) => lessonHref(lesson.id))],
    assets: [...PAYLOAD_ASSET_URLS, ...buildFiles],
  };
}
