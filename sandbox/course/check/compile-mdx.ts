/**
 * Compiles an MDX page the way the site will, so a page that would break the site's build
 * breaks `lessons:check` first, with the line to look at.
 */
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import { readTextFile } from "../files";
import { problem, type Problem } from "./problem";

/**
 * Compiles the MDX file at `path`; returns a problem if it does not compile, else `undefined`.
 *
 * @example
 * ```ts
 * const found = await compileMdxFile("lessons/02-routing/chapter.mdx");
 * ```
 */
export async function compileMdxFile(path: string): Promise<Problem | undefined> {
  const source = await readTextFile(path);
  if (source === undefined) return problem(path, "file", "is missing");
  try {
    await compile({ value: source, path }, { remarkPlugins: [remarkFrontmatter] });
    return undefined;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    const at = place.line ? `line ${place.line}${place.column ? `:${place.column}` : ""}` : "MDX";
    return problem(path, at, `does not compile: ${place.reason ?? place.message ?? String(error)}`);
  }
}
