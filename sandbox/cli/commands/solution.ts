import { createTwoFilesPatch } from "diff";
import type { LearnContext } from "../context";
import { loadCourseFor, pickLesson } from "../context";
import type { Style } from "../style";
import { workspaceFiles } from "./check";

function colourPatch(patch: string, style: Style): string {
  return patch
    .split("\n")
    .filter((line) => !line.startsWith("====="))
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return style.bold(line);
      if (line.startsWith("+")) return style.green(line);
      if (line.startsWith("-")) return style.red(line);
      return line.startsWith("@@") ? style.cyan(line) : line;
    })
    .join("\n");
}

/**
 * `learn solution [lesson]`: a unified diff from the learner's files to the solution. Prints
 * only: the learner's files are never changed.
 *
 * @example
 * await solutionCommand(context);
 */
export async function solutionCommand(context: LearnContext): Promise<number> {
  const { print, style } = context;
  const course = await loadCourseFor(context);
  const { lesson } = await pickLesson(context, course, context.args.positional[0]);
  const mine = await workspaceFiles(context, lesson);
  const theirs = lesson.solution;
  const paths = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort();
  let differences = 0;
  for (const path of paths) {
    const yours = mine[path];
    const solution = theirs[path];
    if (yours === solution) continue;
    if (solution === undefined) {
      print(style.dim(`Only in your workspace: ${path}`));
      continue;
    }
    differences++;
    print(colourPatch(createTwoFilesPatch(`yours/${path}`, `solution/${path}`, yours ?? "", solution, undefined, undefined, { context: 3 }), style));
  }
  if (differences === 0) print(style.green(`Your files match the solution of ${lesson.id}.`));
  print(style.dim("This is a diff only: your files were not changed."));
  return 0;
}
