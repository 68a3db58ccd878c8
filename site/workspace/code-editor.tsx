"use client";
/**
 * CodeMirror 6 with TypeScript highlighting. One editor view; each file keeps its own editor
 * state (and so its own undo history) while the learner switches tabs. Tab is left to the
 * browser so keyboard users can move on; Ctrl/Cmd+Enter runs the checks.
 */
import { useEffect, useRef } from "react";
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { Annotation, EditorState, Prec } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { editorTheme } from "./editor-theme";

export interface CodeEditorProps {
  path: string;
  value: string;
  onChange(path: string, contents: string): void;
  onCheck(): void;
}

/** Marks changes that came from outside (reset, undo, import), which are not learner edits. */
const external = Annotation.define<boolean>();

/**
 * The code editor for one file at a time.
 *
 * @example
 * <CodeEditor path="app.ts" value={files["app.ts"]} onChange={edit} onCheck={check} />
 */
export function CodeEditor({ path, value, onChange, onCheck }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const states = useRef(new Map<string, EditorState>());
  const shownPath = useRef(path);
  const callbacks = useRef({ onChange, onCheck });
  callbacks.current = { onChange, onCheck };

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({ parent: host.current, state: createState(path, value) });
    view.current = created;
    shownPath.current = path;
    return () => {
      created.destroy();
      view.current = null;
      states.current.clear();
    };
    // The view is created once; path and value changes are applied by the effect below.
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    if (shownPath.current !== path) {
      states.current.set(shownPath.current, current.state);
      current.setState(states.current.get(path) ?? createState(path, value));
      shownPath.current = path;
    }
    const doc = current.state.doc.toString();
    if (doc !== value) {
      current.dispatch({ changes: { from: 0, to: doc.length, insert: value }, annotations: external.of(true) });
    }
  }, [path, value]);

  function createState(forPath: string, contents: string): EditorState {
    return EditorState.create({
      doc: contents,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (callbacks.current.onCheck(), true) }])),
        basicSetup,
        javascript({ typescript: true, jsx: forPath.endsWith(".tsx") }),
        editorTheme,
        EditorView.contentAttributes.of({ "aria-label": `Code editor: ${forPath}` }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || update.transactions.some((transaction) => transaction.annotation(external))) return;
          callbacks.current.onChange(forPath, update.state.doc.toString());
        }),
      ],
    });
  }

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
