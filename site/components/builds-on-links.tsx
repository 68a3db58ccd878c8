import { Fragment } from "react";
import { SiteLink } from "./site-link";
import type { LessonLink } from "../course/page-data";

/**
 * "Builds on <lesson>, <lesson>": links to the earlier lessons a lesson uses, on the outline and
 * the lesson page. Nothing for a lesson that builds on none (the course's first).
 *
 * @example
 * <BuildsOnLinks lessons={data.buildsOn} className="lesson__builds-on" />
 */
export function BuildsOnLinks({ lessons, className }: { lessons: LessonLink[]; className: string }) {
  if (lessons.length === 0) return null;
  return (
    <p className={className}>
      Builds on{" "}
      {lessons.map((lesson, index) => (
        <Fragment key={lesson.id}>
          {index > 0 ? ", " : ""}
          <SiteLink href={lesson.href}>{lesson.title}</SiteLink>
        </Fragment>
      ))}
    </p>
  );
}
