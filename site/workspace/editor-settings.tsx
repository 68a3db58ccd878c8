"use client";
/**
 * The editor's settings in the toolbar: line wrapping and font size, remembered for next time.
 */
import { useEffect } from "react";
import { useStore } from "../state/use-store";
import { changeEditorSettings, editorSettingsStore, FONT_SIZES, loadEditorSettings } from "../state/editor-settings-store";

/**
 * Wrap and font size controls.
 *
 * @example
 * <EditorSettingsControls />
 */
export function EditorSettingsControls() {
  const settings = useStore(editorSettingsStore);
  useEffect(loadEditorSettings, []);
  return (
    <div className="editor-settings" role="group" aria-label="Editor settings">
      <label>
        <input type="checkbox" checked={settings.wrap} onChange={(event) => changeEditorSettings({ wrap: event.target.checked })} /> Wrap lines
      </label>
      <label>
        Font size{" "}
        <select value={settings.fontSize} onChange={(event) => changeEditorSettings({ fontSize: Number(event.target.value) })}>
          {FONT_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} px
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
