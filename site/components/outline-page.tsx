import { SiteLink } from "./site-link";
import type { OutlineChapter } from "../course/page-data";
import { LessonStateBadge } from "./lesson-state-badge";
import { ProgressLoader } from "./progress-loader";
import { ProgressTransfer } from "./progress-transfer";

/**
 * `/learn`: every chapter and lesson with the learner's state of each, plus export and import.
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
          <p>{chapter.summary}</p>
          <ol className="outline-lessons">
            {chapter.lessons.map((lesson) => (
              <li key={lesson.id} className="outline-lesson">
                <SiteLink href={lesson.href} className="outline-lesson__link">
                  <span className="outline-lesson__title">{lesson.title}</span>
                  <span className="outline-lesson__summary">{lesson.summary}</span>
                </SiteLink>
                <span className="outline-lesson__meta">
                  <span>{lesson.minutes} min</span>
                  <LessonStateBadge lessonId={lesson.id} />
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <ProgressTransfer lessonTitles={Object.fromEntries(outline.flatMap((chapter) => chapter.lessons.map((lesson) => [lesson.id, lesson.title])))} />
    </main>
  );
}
