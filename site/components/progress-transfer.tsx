"use client";
/**
 * Export all progress and files to one JSON file, and import one back. A refused file is
 * reported and changes nothing.
 */
import { useRef, useState } from "react";
import { getRepository } from "../persistence/idb-repository";
import { loadProgress } from "../state/progress-store";

// Export and import (with the zod schema) load on first use, keeping the outline page light.
const transfer = () => import("../persistence/transfer");

type Notice = { kind: "ok" | "error"; text: string } | null;

/**
 * The export and import buttons with their result message.
 *
 * @example
 * <ProgressTransfer />
 */
export function ProgressTransfer() {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>(null);

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

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { importProgress } = await transfer();
      const outcome = await importProgress(getRepository(), await file.text());
      setNotice({ kind: outcome.ok ? "ok" : "error", text: outcome.message });
      if (outcome.ok) await loadProgress(getRepository());
    } catch (error) {
      setNotice({ kind: "error", text: `The file could not be imported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      if (input.current) input.current.value = "";
    }
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
          <input ref={input} type="file" accept="application/json,.json" className="visually-hidden" data-testid="import-input" onChange={(event) => void onImport(event.target.files?.[0])} />
        </label>
      </div>
      <p role={notice?.kind === "error" ? "alert" : "status"} className={`notice notice--${notice?.kind ?? "none"}`} data-testid="transfer-notice">
        {notice?.text ?? ""}
      </p>
    </section>
  );
}
