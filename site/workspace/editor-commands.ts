/**
 * What the editor adds a task after it is drawn: undo history, the default keys (indent,
 * select line, move line…) and the syntax colours. They need @codemirror/commands and
 * @codemirror/language (with Lezer's tree code), which the view can do without, so the first
 * chunk (code-editor.tsx) is only the view and can be typed in sooner.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { syntaxHighlighting } from "@codemirror/language";
import { keymap } from "@codemirror/view";
import type { Extension } from "@codemirror/state";
import { editorHighlight } from "./editor-highlight";

/**
 * The editing support, the same for every file.
 *
 * @example
 * view.dispatch({ effects: editing.reconfigure(editingSupport()) });
 */
export function editingSupport(): Extension {
  return [history(), keymap.of([...defaultKeymap, ...historyKeymap]), syntaxHighlighting(editorHighlight)];
}
