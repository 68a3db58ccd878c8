/**
 * The editor's look, from the site's CSS variables, so light and dark mode need no second theme.
 */
import { EditorView } from "@codemirror/view";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import type { Extension } from "@codemirror/state";

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.operatorKeyword], color: "var(--code-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--code-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--code-comment)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--code-function)" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--code-type)" },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "var(--code-property)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--code-punctuation)" },
]);

/** Theme and syntax colours for the workspace editor. */
export const editorTheme: Extension = [
  EditorView.theme({
    "&": { color: "var(--text)", backgroundColor: "var(--code-bg)", height: "100%" },
    ".cm-content": { fontFamily: "var(--font-mono)", caretColor: "var(--text)" },
    ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--text-muted)", borderRight: "1px solid var(--border)" },
    ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--code-active-line)" },
    "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--code-selection)" },
    ".cm-cursor": { borderLeftColor: "var(--text)" },
    ".cm-scroller": { overflow: "auto" },
  }),
  syntaxHighlighting(highlight),
];
