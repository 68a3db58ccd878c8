/**
 * The components lesson MDX may use. `Task` is the only custom one; links to other sites open
 * normally and code blocks arrive already highlighted.
 */
import type { MdxComponents } from "../mdx/compile-lesson";
import { TaskCard } from "./task-card";

/** Components handed to every lesson's MDX. */
export const lessonMdxComponents: MdxComponents = { Task: TaskCard };
