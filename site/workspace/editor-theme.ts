/**
 * The editor's look, from the site's CSS variables, so light and dark mode need no second theme.
 * Only @codemirror/view: the syntax colours come with the editing support (editor-commands.ts).
 */
import { EditorView } from "@codemirror/view";

/** Theme for the workspace editor. */
export const editorTheme = EditorView.theme({
  "&": { color: "var(--text)", backgroundColor: "var(--code-bg)", height: "100%" },
  ".cm-content": { fontFamily: "var(--font-mono)", caretColor: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--text-muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--code-active-line)" },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--code-selection)" },
  ".cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-scroller": { overflow: "auto" },
});
