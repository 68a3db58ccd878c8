"use client";
/**
 * A task's hints, one step at a time: "Show a hint" reveals the nudge, "Next hint" each more
 * specific one, and after the last the learner is pointed to Solve. Revealed hints stay shown.
 */
import { useStore } from "../state/use-store";
import { hintsStore, revealNextHint } from "../state/hints-store";
import { withInlineCode } from "./inline-code";

/**
 * The hints of task `n`.
 *
 * @example
 * <HintSteps n={1} steps={["Use `app.get`.", "Return the text from the handler."]} />
 */
export function HintSteps({ n, steps }: { n: number; steps: string[] }) {
  const revealed = Math.min(useStore(hintsStore)[n] ?? 0, steps.length);
  if (steps.length === 0) return null;
  return (
    <div className="hints" data-testid={`hints-${n}`}>
      {revealed > 0 ? (
        <ol className="hints__list" aria-label={`Hints for task ${n}`}>
          {steps.slice(0, revealed).map((step, index) => (
            <li key={index}>{withInlineCode(step)}</li>
          ))}
        </ol>
      ) : null}
      {revealed < steps.length ? (
        <button type="button" className="link-button" onClick={() => revealNextHint(n, steps.length)}>
          {revealed === 0 ? "Show a hint" : `Next hint (${revealed + 1} of ${steps.length})`}
        </button>
      ) : (
        <p className="hints__last">{steps.length > 1 ? "That was the last hint." : "That is the only hint."} Still stuck? “Solve” puts the solution in the editor, and “Undo solve” brings your files back.</p>
      )}
    </div>
  );
}
