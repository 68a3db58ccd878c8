"use client";
/**
 * The home page's main call to action: "Start the course" for a newcomer, "Continue: <lesson>"
 * for a returning learner.
 */
import { SiteLink } from "./site-link";
import { useStore } from "../state/use-store";
import { continueTarget, progressStore } from "../state/progress-store";

export interface ContinueLinkProps {
  lessons: { id: string; title: string; href: string }[];
}

/**
 * Links to the first lesson, or to where the learner left off.
 *
 * @example
 * <ContinueLink lessons={[{ id: "a/b", title: "Hello", href: "/learn/a/b" }]} />
 */
export function ContinueLink({ lessons }: ContinueLinkProps) {
  const progress = useStore(progressStore);
  const targetId = progress.loaded ? continueTarget(progress, lessons.map((lesson) => lesson.id)) : null;
  const target = lessons.find((lesson) => lesson.id === targetId);
  const first = lessons[0];
  if (!first) return null;
  return target ? (
    <SiteLink className="button button--primary" href={target.href}>
      Continue where you left off: {target.title}
    </SiteLink>
  ) : (
    <SiteLink className="button button--primary" href={first.href}>
      Start the course
    </SiteLink>
  );
}
