import { SiteLink } from "./site-link";
import type { ReactElement } from "react";
import type { LessonPageData } from "../course/page-data";
import { WorkspaceLoader } from "../workspace/workspace-loader";
import { withInlineCode } from "./inline-code";
import { BuildsOnLinks } from "./builds-on-links";
import { HydrateInSlices } from "./hydrate-in-slices";

/**
 * `/learn/<chapter>/<lesson>`: the lesson text (server-rendered, readable before any script runs)
 * beside the workspace, which loads lazily.
 *
 * @example
 * <LessonPage data={lessonPageData(course, lesson)} prose={await renderLessonMdx(lesson.body, components)} />
 */
export function LessonPage({ data, prose }: { data: LessonPageData; prose: ReactElement }) {
  return (
    <main id="main" className="lesson">
      <article className="lesson__prose prose" aria-labelledby="lesson-title">
        <header className="lesson__header">
          <p className="lesson__eyebrow">
            {data.chapterTitle} · Lesson {data.position} of {data.total} · {data.minutes} min
          </p>
          <h1 id="lesson-title">{data.title}</h1>
          <p className="lesson__summary">{data.summary}</p>
          <BuildsOnLinks lessons={data.buildsOn} className="lesson__builds-on" />
          <details className="lesson__objectives">
            <summary>What you will be able to do</summary>
            <ul>
              {data.objectives.map((objective) => (
                <li key={objective}>{withInlineCode(objective)}</li>
              ))}
            </ul>
          </details>
          <a className="skip-link skip-link--inline" href="#workspace">
            Skip to the editor
          </a>
        </header>
        <HydrateInSlices>{prose}</HydrateInSlices>
        <LessonNav data={data} />
      </article>
      <HydrateInSlices>
        <WorkspaceLoader data={data} />
      </HydrateInSlices>
    </main>
  );
}

function LessonNav({ data }: { data: LessonPageData }) {
  return (
    <nav className="lesson-nav" aria-label="Lessons">
      {data.previous ? (
        <SiteLink href={data.previous.href} rel="prev" className="lesson-nav__link">
          <span className="lesson-nav__label">Previous</span> {data.previous.title}
        </SiteLink>
      ) : (
        <span />
      )}
      {data.next ? (
        <SiteLink href={data.next.href} rel="next" className="lesson-nav__link lesson-nav__link--next">
          <span className="lesson-nav__label">Next</span> {data.next.title}
        </SiteLink>
      ) : (
        <SiteLink href="/learn" className="lesson-nav__link lesson-nav__link--next">
          <span className="lesson-nav__label">Done</span> Back to the outline
        </SiteLink>
      )}
    </nav>
  );
}
