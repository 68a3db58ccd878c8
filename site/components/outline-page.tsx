import { SiteLink } from "./site-link";
import type { OutlineChapter } from "../course/page-data";
import { formatMinutes } from "../../sandbox/course/minutes";
import { BuildsOnLinks } from "./builds-on-links";
import { ChapterProgress } from "./chapter-progress";
import { LessonStateBadge } from "./lesson-state-badge";
import { LessonTally } from "./lesson-tally";
import { ProgressLoader } from "./progress-loader";
import { ProgressTransfer } from "./progress-transfer";

/**
 * `/learn`: the course as a path. Chapters in order, each with its time and how much of it is
 * passed; each lesson with its time, the earlier lessons it builds on, the learner's state and,
 * for a scored lesson such as the capstone's audit, its tally. Plus export and import.
 *
 * @example
 * <OutlinePage outline={courseOutline(course)} />
 */
export function OutlinePage({ outline }: { outline: OutlineChapter[] }) {
  return (
    <main id="main" className="page page--outline">
      <ProgressLoader />
      <h1>Course outline</h1>
      {outline.map((chapter) => (
        <section key={chapter.slug} className="outline-chapter" aria-labelledby={`chapter-${chapter.slug}`}>
          <h2 id={`chapter-${chapter.slug}`}>
            <span className="outline-chapter__number">Chapter {chapter.number}</span> {chapter.title}
          </h2>
          <p className="outline-chapter__meta" data-testid={`chapter-meta-${chapter.slug}`}>
            <span>
              {chapter.lessons.length} {chapter.lessons.length === 1 ? "lesson" : "lessons"} · {formatMinutes(chapter.minutes)}
            </span>
            <ChapterProgress slug={chapter.slug} lessons={chapter.lessons.map(({ id, tally }) => ({ id, tally }))} />
          </p>
          <p>{chapter.summary}</p>
          <ol className="outline-lessons">
            {chapter.lessons.map((lesson) => (
              <li key={lesson.id} className="outline-lesson" data-testid={`lesson-${lesson.id}`}>
                <SiteLink href={lesson.href} className="outline-lesson__link">
                  <span className="outline-lesson__title">{lesson.title}</span>
                  <span className="outline-lesson__summary">{lesson.summary}</span>
                </SiteLink>
                <span className="outline-lesson__meta">
                  <span>{lesson.minutes} min</span>
                  {lesson.tally ? <LessonTally lessonId={lesson.id} tally={lesson.tally} /> : null}
                  <LessonStateBadge lessonId={lesson.id} />
                </span>
                <BuildsOnLinks lessons={lesson.buildsOn} className="outline-lesson__builds-on" />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <ProgressTransfer lessonTitles={Object.fromEntries(outline.flatMap((chapter) => chapter.lessons.map((lesson) => [lesson.id, lesson.title])))} />
    </main>
  );
}
