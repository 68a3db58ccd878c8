"use client";
/**
 * Reset asks first, then puts the lesson's starting files back; Solve puts the solution in the
 * editor at once. "Undo reset" / "Undo solve" brings the learner's files back (also after a
 * reload, since the files before either are saved).
 */
import { useState } from "react";
import { Modal } from "./modal";
import { useStore } from "../state/use-store";
import { undoStore, type LessonController } from "./lesson-controller";

/**
 * The Solve and reset buttons, the reset's confirmation, and the undo button.
 *
 * @example
 * <ResetControls controller={controller} onDone={announce} />
 */
export function ResetControls({ controller, onDone }: { controller: LessonController; onDone(message: string): void }) {
  const [asking, setAsking] = useState(false);
  const undo = useStore(undoStore);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => void controller.solve().then(() => onDone("The solution is in the editor. Use “Undo solve” to get your files back."))}
      >
        Solve
      </button>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Reset…
      </button>
      {undo ? (
        <button
          type="button"
          className="button"
          onClick={() => void controller.undo().then(() => onDone(`Your files are back as they were before the ${undo === "solve" ? "Solve" : "reset"}.`))}
        >
          {undo === "solve" ? "Undo solve" : "Undo reset"}
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
