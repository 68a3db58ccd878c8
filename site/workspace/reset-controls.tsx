"use client";
/**
 * Reset asks first, then puts the lesson's starting files back; "Undo reset" brings the
 * learner's files back (also after a reload, since the files before the reset are saved).
 */
import { useState } from "react";
import { Modal } from "./modal";
import { useStore } from "../state/use-store";
import { undoStore, type LessonController } from "./lesson-controller";

/**
 * The reset button, its confirmation, and the undo button.
 *
 * @example
 * <ResetControls controller={controller} onDone={announce} />
 */
export function ResetControls({ controller, onDone }: { controller: LessonController; onDone(message: string): void }) {
  const [asking, setAsking] = useState(false);
  const canUndo = useStore(undoStore);
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Reset…
      </button>
      {canUndo ? (
        <button
          type="button"
          className="button"
          onClick={() => void controller.undoReset().then(() => onDone("Your files are back as they were before the reset."))}
        >
          Undo reset
        </button>
      ) : null}
      <Modal open={asking} onClose={() => setAsking(false)} title="Reset your files?">
        <p>This puts every file of this lesson back to how the lesson starts. Your current files are kept, so you can undo the reset.</p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={() => setAsking(false)} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setAsking(false);
              void controller.reset().then(() => onDone("Files reset to the lesson's start. Use “Undo reset” to get yours back."));
            }}
          >
            Reset files
          </button>
        </div>
      </Modal>
    </>
  );
}
