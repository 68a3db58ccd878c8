"use client";
/**
 * The preview of the learner's running app: an address bar for the path, a reload button, and
 * the app in a frame.
 */
import { useEffect, useState } from "react";
import { useStore } from "../state/use-store";
import { normalizePreviewPath, previewStore, previewUrl } from "../state/preview-store";

/**
 * The preview panel.
 *
 * @example
 * <PreviewPanel onReload={() => session.restartPreview()} />
 */
export function PreviewPanel({ onReload }: { onReload(): void }) {
  const preview = useStore(previewStore);
  const [typed, setTyped] = useState(preview.path);
  useEffect(() => setTyped(preview.path), [preview.path]);
  const go = (path: string) => previewStore.update((state) => ({ ...state, path: normalizePreviewPath(path), reloads: state.reloads + 1 }));
  return (
    <div className="preview">
      <form
        className="preview__bar"
        onSubmit={(event) => {
          event.preventDefault();
          go(typed);
        }}
      >
        <label htmlFor="preview-path" className="visually-hidden">
          Path to open in the preview
        </label>
        <input id="preview-path" className="preview__path" value={typed} onChange={(event) => setTyped(event.target.value)} spellCheck={false} autoComplete="off" />
        <button type="submit" className="button button--small">
          Go
        </button>
        <button type="button" className="button button--small" onClick={onReload} aria-label="Reload the preview">
          ↻ Reload
        </button>
      </form>
      {preview.baseUrl ? (
        <iframe
          key={preview.reloads}
          className="preview__frame"
          title="Preview of your app"
          // Defence in depth: no top navigation, no plugins. The preview's own policy gives it an
          // opaque origin (sandbox/README.md); allow-same-origin only keeps its navigations
          // reaching the Service Worker, which serves them.
          sandbox="allow-scripts allow-forms allow-popups allow-modals allow-same-origin"
          // A WebContainer preview is served by StackBlitz's Service Worker on its own origin and
          // needs cross-origin isolation delegated to it, as TutorialKit's preview frames allow.
          allow="cross-origin-isolated"
          src={previewUrl(preview.baseUrl, preview.path)}
          data-testid="preview-frame"
        />
      ) : (
        <p className="preview__empty">The preview appears here once the sandbox has started.</p>
      )}
    </div>
  );
}
