"use client";
/**
 * Says whether the learner's latest edit is saved in this browser.
 */
import { useStore } from "../state/use-store";
import { filesStore, type SaveState } from "../state/files-store";

const LABEL: Record<SaveState, string> = {
  saved: "Saved in this browser",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  failed: "Could not save: this browser's storage refused the files",
};

/**
 * The save state, as text.
 *
 * @example
 * <SaveIndicator />
 */
export function SaveIndicator() {
  const { save } = useStore(filesStore);
  return (
    <span className="save-indicator" data-state={save} data-testid="save-state">
      {LABEL[save]}
    </span>
  );
}
