/**
 * The one Shiki highlighter the build uses, created on first need and shared by every lesson
 * page. Server only: the browser receives highlighted HTML, never Shiki.
 */
import { createHighlighter, type Highlighter } from "shiki";

/** Both themes are emitted as CSS variables (--shiki-light, --shiki-dark); CSS picks one. */
export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

/** Languages lessons use; anything else is shown as plain text rather than failing the build. */
export const CODE_LANGUAGES = ["ts", "tsx", "js", "json", "sh", "http", "html", "text"] as const;

let highlighter: Promise<Highlighter> | undefined;

/**
 * The shared highlighter.
 *
 * @example
 * const shiki = await getHighlighter();
 * shiki.codeToHtml("const a = 1", { lang: "ts", themes: CODE_THEMES, defaultColor: false });
 */
export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [...CODE_LANGUAGES] }).then((created) => {
    // Shiki 4.6 gives every token of a language's first two-theme tokenization the first
    // token's light colour. One throwaway run per language settles it before real code.
    for (const lang of CODE_LANGUAGES) created.codeToTokensWithThemes("x", { lang, themes: CODE_THEMES });
    return created;
  });
  return highlighter;
}
