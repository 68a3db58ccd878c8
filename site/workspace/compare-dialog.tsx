"use client";
/**
 * "Compare with solution": the learner's files beside the solution, as a side-by-side diff. It
 * only shows; it never changes the learner's files.
 */
import { useState } from "react";
import { Modal } from "./modal";
import { changedFiles, sideBySide } from "./side-by-side";

export interface CompareDialogProps {
  open: boolean;
  onClose(): void;
  mine: Record<string, string>;
  solution: Record<string, string>;
}

/**
 * The comparison dialog.
 *
 * @example
 * <CompareDialog open={comparing} onClose={close} mine={files} solution={lesson.solution} />
 */
export function CompareDialog({ open, onClose, mine, solution }: CompareDialogProps) {
  const changed = changedFiles(mine, solution);
  const [chosen, setChosen] = useState<string | null>(null);
  const path = chosen && changed.includes(chosen) ? chosen : changed[0];
  return (
    <Modal open={open} onClose={onClose} title="Your files beside the solution" wide>
      <p className="compare__note">Nothing here changes your files. Lines that differ are marked; read them, then make your own change.</p>
      {changed.length === 0 ? (
        <p role="status">Your files are the same as the solution.</p>
      ) : (
        <>
          {changed.length > 1 ? (
            <div className="compare__files" role="group" aria-label="Files that differ">
              {changed.map((candidate) => (
                <button key={candidate} type="button" className="button button--small" aria-pressed={candidate === path} onClick={() => setChosen(candidate)}>
                  {candidate}
                </button>
              ))}
            </div>
          ) : null}
          {path ? <DiffTable path={path} mine={mine[path] ?? ""} solution={solution[path] ?? ""} /> : null}
        </>
      )}
    </Modal>
  );
}

const MARK = { same: "", changed: "changed", removed: "only yours", added: "only in solution" } as const;

function DiffTable({ path, mine, solution }: { path: string; mine: string; solution: string }) {
  const rows = sideBySide(mine, solution);
  return (
    <div className="diff" tabIndex={0} role="region" aria-label={`Differences in ${path}`}>
      <table className="diff__table">
        <caption className="visually-hidden">{path}: your file on the left, the solution on the right</caption>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              Yours: {path}
            </th>
            <th scope="col" colSpan={2}>
              Solution
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className={`diff__row diff__row--${row.kind}`} title={MARK[row.kind] || undefined}>
              <td className="diff__num">{row.left?.line ?? ""}</td>
              <td className="diff__code diff__code--left">
                {row.kind !== "same" && row.left ? <span className="visually-hidden">{row.kind === "changed" ? "changed: " : "removed: "}</span> : null}
                <code>{row.left?.text ?? ""}</code>
              </td>
              <td className="diff__num">{row.right?.line ?? ""}</td>
              <td className="diff__code diff__code--right">
                {row.kind !== "same" && row.right ? <span className="visually-hidden">{row.kind === "changed" ? "changed: " : "added: "}</span> : null}
                <code>{row.right?.text ?? ""}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
