import { notFound } from "next/navigation";
import { findLessonBySlugs, getCourse, lessonRouteParams } from "../../../../site/course/course-data";
import { lessonPageData } from "../../../../site/course/page-data";
import { renderLessonMdx } from "../../../../site/mdx/compile-lesson";
import { lessonMdxComponents } from "../../../../site/components/mdx-components";
import { LessonPage } from "../../../../site/components/lesson-page";

type Params = Promise<{ chapter: string; lesson: string }>;

/** Every lesson page is generated at build time; unknown lessons are 404s. */
export const dynamicParams = false;

export async function generateStaticParams() {
  return lessonRouteParams(await getCourse());
}

export async function generateMetadata({ params }: { params: Params }): Promise<{ title?: string; description?: string }> {
  const { chapter, lesson } = await params;
  const found = findLessonBySlugs(await getCourse(), chapter, lesson);
  return found ? { title: found.frontmatter.title, description: found.frontmatter.summary } : {};
}

export default async function Lesson({ params }: { params: Params }) {
  const { chapter, lesson } = await params;
  const course = await getCourse();
  const found = findLessonBySlugs(course, chapter, lesson);
  if (!found) notFound();
  const prose = await renderLessonMdx(found.body, lessonMdxComponents, `${found.dir}/lesson.mdx`);
  return <LessonPage data={lessonPageData(course, found)} prose={prose} />;
}
