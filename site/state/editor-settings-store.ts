/**
 * The learner's editor settings, line wrapping and font size, kept in `localStorage` so every
 * lesson and every later visit opens the same way.
 */
import { createStore } from "./store";

export interface EditorSettings {
  wrap: boolean;
  /** Font size in CSS pixels. */
  fontSize: number;
}

export const EDITOR_SETTINGS_KEY = "learn-vial:editor";
export const FONT_SIZES = [12, 13, 14, 16, 18, 20, 24] as const;
export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { wrap: false, fontSize: 14 };

export const editorSettingsStore = createStore<EditorSettings>(DEFAULT_EDITOR_SETTINGS);

/**
 * Reads saved settings; anything missing or out of range falls back to the default.
 *
 * @example
 * parseEditorSettings('{"wrap":true,"fontSize":18}'); // { wrap: true, fontSize: 18 }
 */
export function parseEditorSettings(raw: string | null | undefined): EditorSettings {
  try {
    const value = JSON.parse(raw ?? "{}") as Partial<EditorSettings> | null;
    return {
      wrap: typeof value?.wrap === "boolean" ? value.wrap : DEFAULT_EDITOR_SETTINGS.wrap,
      fontSize: FONT_SIZES.includes(value?.fontSize as (typeof FONT_SIZES)[number]) ? value!.fontSize! : DEFAULT_EDITOR_SETTINGS.fontSize,
    };
  } catch {
    return { ...DEFAULT_EDITOR_SETTINGS };
  }
}

/** Loads the saved settings into the store (call once in the browser). */
export function loadEditorSettings(): void {
  try {
    editorSettingsStore.set(parseEditorSettings(localStorage.getItem(EDITOR_SETTINGS_KEY)));
  } catch {
    // No storage: the defaults stay.
  }
}

/**
 * Changes and saves settings.
 *
 * @example
 * changeEditorSettings({ wrap: true });
 */
export function changeEditorSettings(change: Partial<EditorSettings>): void {
  editorSettingsStore.update((current) => ({ ...current, ...change }));
  try {
    localStorage.setItem(EDITOR_SETTINGS_KEY, JSON.stringify(editorSettingsStore.get()));
  } catch {
    // Kept for this page only.
  }
}
