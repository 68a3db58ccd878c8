/**
 * What the editor adds once its third chunk arrives: TypeScript highlighting and indentation,
 * bracket matching and closing, completion, folding, search. CodeMirror's `basicSetup` minus
 * what code-editor.tsx and editor-commands.ts add (lineNumbers, history, selection drawing, the default keys),
 * so the editor can be typed in before the language code (Lezer's grammar) is loaded and parsed.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

/**
 * The language support for the file at `path` (TSX for `.tsx`, TypeScript for the other code
 * files, none for other text such as a Dockerfile).
 *
 * @example
 * view.dispatch({ effects: language.reconfigure(languageSupport("app.ts")) });
 */
export function languageSupport(path: string): Extension {
  return [
    foldGutter(),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    highlightSelectionMatches(),
    // Above the default keys wherever the compartment sits, as in basicSetup (Backspace deletes a closed pair).
    Prec.high(keymap.of([...closeBracketsKeymap, ...searchKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap])),
    // A Dockerfile or a workflow's .yml is plain text here: TypeScript's grammar would mark it all wrong.
    ...(/\.[mc]?[jt]sx?$/.test(path) ? [javascript({ typescript: true, jsx: path.endsWith(".tsx") })] : []),
  ];
}
