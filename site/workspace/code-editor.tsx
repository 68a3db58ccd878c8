"use client";
/**
 * CodeMirror 6 with TypeScript highlighting. One editor view; each file keeps its own editor
 * state (and so its own undo history) while the learner switches tabs. Tab is left to the
 * browser so keyboard users can move on; Ctrl/Cmd+Enter runs the checks.
 *
 * The editor comes in two chunks so neither blocks the page for long: this one can be typed
 * in at once, and the language support (editor-language.ts) is added when it has loaded.
 */
import { useEffect, useRef } from "react";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";
import { crosshairCursor, drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, rectangularSelection } from "@codemirror/view";
import { Annotation, Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import { editorTheme } from "./editor-theme";
import { useStore } from "../state/use-store";
import { editorSettingsStore, type EditorSettings } from "../state/editor-settings-store";

type LanguageSupport = (path: string) => Extension;

/** The language support, once loaded (shared by every editor of the page). */
let loadedLanguage: LanguageSupport | null = null;
/**
 * The language support, applied a task after its chunk has run: the chunk's modules (Lezer's
 * grammar tables decoded, its dialects built) run when the import resolves, and the first parse
 * and highlighting of the file then come in a task of their own instead of lengthening that one.
 */
const languageLoad = () =>
  import("./editor-language")
    .then(async ({ languageSupport }) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return languageSupport;
    })
    .then((languageSupport) => (loadedLanguage = languageSupport));
/** Where the language support goes in each file's state; empty until it has loaded. */
const language = new Compartment();

export interface CodeEditorProps {
  path: string;
  value: string;
  onChange(path: string, contents: string): void;
  onCheck(): void;
}

/** Marks changes that came from outside (reset, undo, import), which are not learner edits. */
const external = Annotation.define<boolean>();

/** The learner's settings (wrapping, font size), swapped in place when they change. */
const settingsCompartment = new Compartment();

function settingsExtension(settings: EditorSettings): Extension {
  return [EditorView.theme({ "&": { fontSize: `${settings.fontSize}px` } }), settings.wrap ? EditorView.lineWrapping : []];
}

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
  const settings = useStore(editorSettingsStore);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  useEffect(() => {
    view.current?.dispatch({ effects: settingsCompartment.reconfigure(settingsExtension(settings)) });
  }, [settings]);

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({ parent: host.current, state: createState(path, value) });
    view.current = created;
    shownPath.current = path;
    let mounted = true;
    void languageLoad()
      .then(() => mounted && withLanguage(created, shownPath.current))
      .catch(() => undefined); // Without it the editor still edits, only plain.
    return () => {
      mounted = false;
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
      // A file's saved state has the settings of when it was last shown.
      current.dispatch({ effects: settingsCompartment.reconfigure(settingsExtension(settingsRef.current)) });
      shownPath.current = path;
      withLanguage(current, path);
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
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        rectangularSelection(),
        crosshairCursor(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        language.of(loadedLanguage ? loadedLanguage(forPath) : []),
        editorTheme,
        settingsCompartment.of(settingsExtension(settingsRef.current)),
        // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers see
        // that the editor's scrolling region can be reached by keyboard when it is short.
        EditorView.contentAttributes.of({ "aria-label": `Code editor: ${forPath}`, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || update.transactions.some((transaction) => transaction.annotation(external))) return;
          callbacks.current.onChange(forPath, update.state.doc.toString());
        }),
      ],
    });
  }

  return <div className="code-editor" ref={host} data-testid="code-editor" data-wrap={settings.wrap} data-font-size={settings.fontSize} />;
}

/** Adds the language support to the view's state if it has loaded and the state lacks it. */
function withLanguage(view: EditorView, path: string): void {
  const current = language.get(view.state);
  if (!loadedLanguage || !Array.isArray(current) || current.length > 0) return;
  view.dispatch({ effects: language.reconfigure(loadedLanguage(path)) });
}
