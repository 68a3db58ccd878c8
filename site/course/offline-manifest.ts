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
 * The offline manifest of `course`.
 *
 * @example
 * offlineManifest(course).pages; // ["/", "/learn", "/learn/first-steps/hello-vial", ...]
 */
export function offlineManifest(course: Course): OfflineManifest {
  return {
    pages: ["/", "/learn", ...allLessons(course).map((lesson) => lessonHref(lesson.id))],
    assets: [...PAYLOAD_ASSET_URLS],
  };
}
