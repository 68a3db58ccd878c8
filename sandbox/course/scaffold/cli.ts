/**
 * The `npm run lessons:new -- <chapter> <slug>` command line.
 */
import { parseArgs } from "node:util";
import { LessonError } from "../lesson-error";
import { newLesson } from "./new-lesson";

const USAGE = `usage: npm run lessons:new -- <chapter> <slug> [--from-previous] [--new-chapter] [--root <dir>]

  <chapter>          chapter slug (routing), folder (02-routing) or number (2)
  <slug>             the new lesson's slug: lowercase words joined by dashes
  --from-previous    start from the previous lesson's solution (from: previous)
  --new-chapter      create the chapter if it does not exist yet
  --root <dir>       the course folder (default: lessons)`;

/**
 * Runs lessons:new with command-line `args`; resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runLessonsNew(["routing", "host-matching"]);
 * ```
 */
export async function runLessonsNew(args: string[], out: (line: string) => void = (line) => console.log(line)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { "from-previous": { type: "boolean" }, "new-chapter": { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const [chapter, slug, ...extra] = positionals;
  if (!chapter || !slug || extra.length > 0) {
    out(USAGE);
    return 2;
  }
  try {
    const written = await newLesson({
      chapter, slug,
      ...(values.root ? { root: values.root } : {}),
      newChapter: values["new-chapter"] === true,
      fromPrevious: values["from-previous"] === true,
    });
    for (const path of written) out(`created ${path}`);
    out(`\nNext: write the lesson, replace every TODO(author), then run npm run lessons:check -- --lesson ${slug}`);
    return 0;
  } catch (error) {
    if (error instanceof LessonError) {
      out(`lessons:new: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
