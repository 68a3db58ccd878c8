import { describe, expect, it } from "vitest";
import { DEFAULT_EDITOR_SETTINGS, parseEditorSettings } from "../../../site/state/editor-settings-store";

describe("editor settings", () => {
  it("reads saved settings and falls back to the defaults for anything missing, damaged or out of range", () => {
    expect(parseEditorSettings('{"wrap":true,"fontSize":18}')).toEqual({ wrap: true, fontSize: 18 });
    expect(parseEditorSettings(null)).toEqual(DEFAULT_EDITOR_SETTINGS);
    expect(parseEditorSettings("{")).toEqual(DEFAULT_EDITOR_SETTINGS);
    expect(parseEditorSettings("null")).toEqual(DEFAULT_EDITOR_SETTINGS);
    expect(parseEditorSettings('{"wrap":"yes","fontSize":500}')).toEqual(DEFAULT_EDITOR_SETTINGS);
    expect(parseEditorSettings('{"fontSize":20}')).toEqual({ wrap: false, fontSize: 20 });
  });
});
