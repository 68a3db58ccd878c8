"use client";
/**
 * Export all progress and files to one JSON file, and import one back. An import first says
 * which lessons' saved work it would replace and waits for the learner to confirm; a refused
 * file is reported and changes nothing.
 */
import { useRef, useState } from "react";
import { getRepository } from "../persistence/idb-repository";
import { LESSON_STATE_LABEL } from "../persistence/records";
import { loadProgress } from "../state/progress-store";
import { Modal } from "../workspace/modal";
import type { ImportPlan, PlannedLesson } from "../persistence/transfer";

// Export and import (with the zod schema) load on first use, keeping the outline page light.
const transfer = () => import("../persistence/transfer");
const format = () => import("../persistence/export-format");

type Notice = { kind: "ok" | "error"; text: string } | null;

/**
 * The export and import buttons, the import's confirmation, and the result message.
 * `lessonTitles` names the course's lessons by id, for the confirmation.
 *
 * @example
 * <ProgressTransfer lessonTitles={{ "first-steps/hello-vial": "Hello, Vial" }} />
 */
export function ProgressTransfer({ lessonTitles }: { lessonTitles: Record<string, string> }) {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);

  const onExport = async () => {
    const { exportFileName, exportProgress } = await transfer();
    const now = new Date();
    const text = await exportProgress(getRepository(), now);
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice({ kind: "ok", text: `Saved ${link.download}.` });
  };

  const onChoose = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { MAX_PROGRESS_BYTES, tooLargeMessage } = await format();
      // Checked before reading: a huge file would otherwise be read whole into memory.
      if (file.size > MAX_PROGRESS_BYTES) {
        setNotice({ kind: "error", text: `${tooLargeMessage()} Nothing was imported.` });
        return;
      }
      const { prepareImport } = await transfer();
      const prepared = await prepareImport(getRepository(), await file.text());
      if (prepared.ok) {
        setNotice(null);
        setPlan(prepared.plan);
      } else setNotice({ kind: "error", text: prepared.message });
    } catch (error) {
      setNotice({ kind: "error", text: `The file could not be read: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.` });
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  const onConfirm = async (confirmed: ImportPlan) => {
    setPlan(null);
    try {
      const { applyImport } = await transfer();
      const outcome = await applyImport(getRepository(), confirmed);
      setNotice({ kind: "ok", text: outcome.message });
      await loadProgress(getRepository());
    } catch (error) {
      setNotice({ kind: "error", text: `The file could not be imported: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.` });
    }
  };

  const onCancel = () => {
    if (!plan) return;
    setPlan(null);
    setNotice({ kind: "ok", text: "Import cancelled. Nothing was changed." });
  };

  return (
    <section className="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Your work on another browser</h2>
      <p>Your files and progress are saved in this browser. Move them with a progress file.</p>
      <div className="transfer__actions">
        <button type="button" className="button" onClick={() => void onExport()}>
          Export progress
        </button>
        <label className="button">
          Import progress…
          <input ref={input} type="file" accept="application/json,.json" className="visually-hidden" data-testid="import-input" onChange={(event) => void onChoose(event.target.files?.[0])} />
        </label>
      </div>
      <p role={notice?.kind === "error" ? "alert" : "status"} className={`notice notice--${notice?.kind ?? "none"}`} data-testid="transfer-notice">
        {notice?.text ?? ""}
      </p>
      <Modal open={plan !== null} onClose={onCancel} title="Import this progress file?">
        {plan ? <ImportSummary plan={plan} lessonTitles={lessonTitles} onConfirm={() => void onConfirm(plan)} onCancel={onCancel} /> : null}
      </Modal>
    </section>
  );
}

function ImportSummary({ plan, lessonTitles, onConfirm, onCancel }: { plan: ImportPlan; lessonTitles: Record<string, string>; onConfirm(): void; onCancel(): void }) {
  const { replaced, added } = plan;
  const total = replaced.length + added.length;
  return (
    <div data-testid="import-summary">
      {replaced.length > 0 ? (
        <>
          <p>
            <strong>
              Your saved work and progress in {replaced.length} lesson{replaced.length === 1 ? "" : "s"} will be replaced
            </strong>{" "}
            by the file&apos;s:
          </p>
          <LessonList lessons={replaced} lessonTitles={lessonTitles} testId="import-replaced" />
        </>
      ) : (
        <p>None of your saved work will be replaced.</p>
      )}
      {added.length > 0 ? (
        <>
          <p>
            {added.length} lesson{added.length === 1 ? "" : "s"} you have no saved work in will be added:
          </p>
          <LessonList lessons={added} lessonTitles={lessonTitles} testId="import-added" />
        </>
      ) : null}
      <p>Lessons that are not in the file stay as they are.</p>
      <p data-testid="import-unverified">Only the files are imported: a lesson counts as passed once its checks pass in this browser.</p>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={`button${replaced.length > 0 ? " button--danger" : ""}`} onClick={onConfirm} disabled={total === 0}>
          {replaced.length > 0 ? `Replace ${replaced.length} and import` : `Import ${total} lesson${total === 1 ? "" : "s"}`}
        </button>
      </div>
    </div>
  );
}

/** Lessons by title (their id when the course has no such lesson), with the state change. */
function LessonList({ lessons, lessonTitles, testId }: { lessons: PlannedLesson[]; lessonTitles: Record<string, string>; testId: string }) {
  return (
    <ul className="import-lessons" data-testid={testId}>
      {lessons.map((lesson) => (
        <li key={lesson.lessonId}>
          {lessonTitles[lesson.lessonId] ?? `${lesson.lessonId} (not in this course)`}
          <span className="import-lessons__state">
            {" "}
            — {lesson.now === "not-started" ? "" : `${LESSON_STATE_LABEL[lesson.now].toLowerCase()} now, `}
            {LESSON_STATE_LABEL[lesson.after].toLowerCase()} after
          </span>
        </li>
      ))}
    </ul>
  );
}
