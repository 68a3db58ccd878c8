"use client";
/**
 * CodeMirror 6 with TypeScript highlighting. One editor view; each file keeps its own editor
 * state (and so its own undo history) while the learner switches tabs. Tab is left to the
 * browser so keyboard users can move on; Ctrl/Cmd+Enter runs the checks.
 *
 * The editor comes in three chunks so none blocks the page for long: this one is only
 * CodeMirror's view and can be typed in at once; the undo history, default keys and syntax
 * colours (editor-commands.ts) are added a task later, then the language support
 * (editor-language.ts) a task after that.
 */
import { useEffect, useRef } from "react";
import { crosshairCursor, drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, rectangularSelection } from "@codemirror/view";
import { Annotation, Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import { editorTheme } from "./editor-theme";
import { useStore } from "../state/use-store";
import { editorSettingsStore, type EditorSettings } from "../state/editor-settings-store";

/** Extensions that arrive in a later chunk, shared by every editor of the page. */
interface LaterSupport {
  /** Where they go in each file's state; empty until loaded. */
  compartment: Compartment;
  /** Them, for the file at a path, once loaded. */
  loaded: ((path: string) => Extension) | null;
  load(): Promise<unknown>;
}

/**
 * Extensions from a chunk, applied a task after it has run: the chunk's modules run when the
 * import resolves, and the work they then cause (Lezer's first parse, the highlighting) comes
 * in a task of its own instead of lengthening that one.
 */
function later(importSupport: () => Promise<(path: string) => Extension>): LaterSupport {
  const support: LaterSupport = {
    compartment: new Compartment(),
    loaded: null,
    load: () =>
      importSupport()
        .then(async (extension) => {
          await new Promise((resolve) => setTimeout(resolve, 0));
          return extension;
        })
        .then((extension) => (support.loaded = extension)),
  };
  return support;
}

/** In the order they load, each after the one before so their modules run in separate tasks. */
const laterSupport = [
  later(() => import("./editor-commands").then(({ editingSupport }) => editingSupport)),
  later(() => import("./editor-language").then(({ languageSupport }) => languageSupport)),
];

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
    void laterSupport
      .reduce<Promise<unknown>>((previous, support) => previous.then(() => support.load()).then(() => mounted && withLaterSupport(created, shownPath.current)), Promise.resolve())
      .catch(() => undefined); // Without them the editor still edits, only plain.
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
      withLaterSupport(current, path);
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
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        rectangularSelection(),
        crosshairCursor(),
        highlightActiveLine(),
        ...laterSupport.map(({ compartment, loaded }) => compartment.of(loaded ? loaded(forPath) : [])),
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

/** Adds to the view's state what has loaded of the later support and the state lacks. */
function withLaterSupport(view: EditorView, path: string): void {
  const effects = laterSupport.flatMap(({ compartment, loaded }) => {
    const current = compartment.get(view.state);
    return loaded && Array.isArray(current) && current.length === 0 ? [compartment.reconfigure(loaded(path))] : [];
  });
  if (effects.length > 0) view.dispatch({ effects });
}
