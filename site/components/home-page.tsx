import { SiteLink } from "./site-link";
import type { OutlineChapter } from "../course/page-data";
import { ContinueLink } from "./continue-link";
import { ProgressLoader } from "./progress-loader";
import { formatMinutes } from "../../sandbox/course/minutes";

/**
 * `/`: what the course teaches, its chapters, and start or continue.
 *
 * @example
 * <HomePage outline={courseOutline(course)} />
 */
export function HomePage({ outline }: { outline: OutlineChapter[] }) {
  const lessons = outline.flatMap((chapter) => chapter.lessons).map(({ id, title, href }) => ({ id, title, href }));
  const minutes = outline.flatMap((chapter) => chapter.lessons).reduce((sum, lesson) => sum + lesson.minutes, 0);
  return (
    <main id="main" className="page page--home">
      <ProgressLoader />
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Build web apps with Vial</h1>
        <p className="hero__lead">
          Vial is a small web framework in TypeScript that works the way Flask does: a URL maps to a function, the function
          returns a response. In this course you write real apps right here in the browser, and checks tell you, task by
          task, what works and what does not yet.
        </p>
        <ul className="hero__facts">
          <li>
            {outline.length} chapters, {lessons.length} lessons, about {formatMinutes(Math.round(minutes / 30) * 30)}
          </li>
          <li>Your work is saved in this browser, and works offline once loaded</li>
          <li>No installation: the editor, a preview of your app and the checks run in the page</li>
        </ul>
        <div className="hero__actions">
          <ContinueLink lessons={lessons} />
          <SiteLink className="button" href="/learn">
            See the outline
          </SiteLink>
        </div>
      </section>
      <section aria-labelledby="chapters-title">
        <h2 id="chapters-title">What you will learn</h2>
        <ol className="chapter-cards">
          {outline.map((chapter) => (
            <li key={chapter.slug} className="chapter-card">
              <h3>
                <span className="chapter-card__number">Chapter {chapter.number}</span> {chapter.title}
              </h3>
              <p>{chapter.summary}</p>
              <p className="chapter-card__meta">
                {chapter.lessons.length} {chapter.lessons.length === 1 ? "lesson" : "lessons"} · {formatMinutes(chapter.minutes)} ·{" "}
                {chapter.lessons[0] ? <SiteLink href={chapter.lessons[0].href}>Begin with “{chapter.lessons[0].title}”</SiteLink> : null}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
