import { describe, expect, it } from "vitest";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { compileLessonMdx, renderLessonMdx } from "../../../site/mdx/compile-lesson";

const source = `---
title: Example
---

## Heading

\`\`\`ts
import { Vial } from "vial";
const app = new Vial(); // a comment
\`\`\`

<Task n={1} title="Say hello" hint="Use \`app.get\`.">
Make \`GET /\` answer.
</Task>
`;

function Task({ n, title, children }: { n: number; title?: string; children?: ReactNode }) {
  return createElement("section", { "data-task": n, "data-title": title }, children);
}

describe("lesson MDX compiled at build time", () => {
  it("highlights code into static spans with both themes as CSS variables", async () => {
    const html = renderToStaticMarkup(await renderLessonMdx(source, { Task }));
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toMatch(/<pre class="shiki[^"]*"/);
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">import<\/span>/);
    // Each token keeps its own colour (guards against Shiki's first-run colour bug).
    const lightColours = new Set([...html.matchAll(/--shiki-light:(#[0-9A-Fa-f]{6})/g)].map((match) => match[1]));
    expect(lightColours.size).toBeGreaterThan(3);
  });

  it("renders tasks through the given component, leaving out the frontmatter", async () => {
    const html = renderToStaticMarkup(await renderLessonMdx(source, { Task }));
    expect(html).toContain('<section data-task="1" data-title="Say hello">');
    expect(html).not.toContain("title: Example");
  });

  it("ships no highlighter: colours are literals in the compiled page, which loads nothing", async () => {
    const code = await compileLessonMdx(source);
    expect(code).toContain('"--shiki-light"');
    expect(code).not.toMatch(/createHighlighter|codeToHtml|codeToHast|require\(|import\(/);
  });

  it("reports an MDX syntax error with its line", async () => {
    await expect(compileLessonMdx("# Title\n\n<Task n={1}>\nunclosed\n", "broken.mdx")).rejects.toThrow(/^broken\.mdx:3:1: Expected a closing tag for `<Task>`/);
  });
});
