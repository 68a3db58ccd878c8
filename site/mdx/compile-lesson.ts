/**
 * Turns a lesson's MDX into React elements at build time: Markdown, the `<Task>` elements, and
 * code blocks highlighted by Shiki into static HTML with both themes' colours as CSS variables.
 */
import { compile, run } from "@mdx-js/mdx";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import remarkFrontmatter from "remark-frontmatter";
import * as jsxRuntime from "react/jsx-runtime";
import type { ComponentType, ReactElement } from "react";
import { CODE_THEMES, getHighlighter } from "./highlighter";

const SHIKI_OPTIONS = {
  themes: CODE_THEMES,
  // Colours as CSS variables (--shiki-light, --shiki-dark); the stylesheet picks one per scheme.
  defaultColor: false,
  // Unknown or missing languages render as plain text instead of failing the build.
  defaultLanguage: "text",
  fallbackLanguage: "text",
} as const;

/** Components the MDX may use, by the name it uses them with (`Task`). */
export type MdxComponents = Record<string, ComponentType<any>>;

/**
 * Compiles MDX source (with or without frontmatter) to the body of a function that `run`
 * evaluates. Throws with the MDX file's line on a syntax error.
 *
 * @example
 * const code = await compileLessonMdx("# Hi\n\n```ts\nconst a = 1;\n```\n", "lesson.mdx");
 */
export async function compileLessonMdx(source: string, path = "lesson.mdx"): Promise<string> {
  const highlighter = await getHighlighter();
  try {
    const file = await compile(
      { value: source, path },
      {
        outputFormat: "function-body",
        development: false,
        remarkPlugins: [remarkFrontmatter],
        rehypePlugins: [() => rehypeShikiFromHighlighter(highlighter, SHIKI_OPTIONS)],
      },
    );
    return String(file);
  } catch (error) {
    // Name the file and line, so a broken lesson fails the build with a place to look.
    const message = error as { line?: number; column?: number; reason?: string };
    const reason = message.reason ?? (error instanceof Error ? error.message : String(error));
    // Some MDX errors carry their place only in the text, as "(3:1-3:13)".
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(reason);
    const line = message.line ?? (inText ? Number(inText[1]) : undefined);
    const column = message.column ?? (inText ? Number(inText[2]) : 1);
    const at = line ? `${path}:${line}:${column}` : path;
    throw new Error(`${at}: ${reason}`, { cause: error });
  }
}

/**
 * Compiles and evaluates MDX into an element rendered with `components`.
 *
 * @example
 * const content = await renderLessonMdx(lesson.body, { Task });
 * return <article>{content}</article>;
 */
export async function renderLessonMdx(source: string, components: MdxComponents, path?: string): Promise<ReactElement> {
  const code = await compileLessonMdx(source, path);
  const { default: Content } = await run(code, { ...jsxRuntime, baseUrl: import.meta.url });
  return jsxRuntime.jsx(Content, { components });
}
