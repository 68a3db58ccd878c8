/**
 * Ties one open lesson together: restores the learner's files, saves each edit (debounced),
 * feeds edits to the sandbox, records check results as progress, and handles reset, Solve and
 * their undo.
 * Plain TypeScript over the stores and the repository, so components stay thin.
 */
import type { GradeReport } from "../../sandbox/report";
import type { LessonPageData } from "../course/page-data";
import { createAutosave, type Autosave } from "../persistence/autosave";
import type { LessonRecord } from "../persistence/records";
import { lessonState } from "../persistence/records";
import { LAST_LESSON_KEY, type ProgressRepository } from "../persistence/repository";
import { filesChanged, startingFiles } from "../persistence/starting-files";
import { editFile, filesStore, openLessonFiles, replaceFiles, type FileMap } from "../state/files-store";
import { hintsStore } from "../state/hints-store";
import { setLessonState } from "../state/progress-store";
import { countByTask } from "../../sandbox/course/tally";
import { isLessonPassed, reportStore } from "../state/report-store";
import { createStore } from "../state/store";
import type { WorkspaceSession } from "../sandbox/session";

/** What can be undone right now, a reset or a Solve (the files before it are kept), if anything. */
export const undoStore = createStore<"reset" | "solve" | null>(null);

export class LessonController {
  #record: LessonRecord | undefined;
  #starting: FileMap = {};
  #autosave: Autosave<FileMap>;
  #checking = false;

  constructor(
    private readonly lesson: LessonPageData,
    private readonly repository: ProgressRepository,
    private readonly session: WorkspaceSession | null,
  ) {
    this.#autosave = createAutosave((files) => this.#saveFiles(files), {
      delayMs: 300,
      maxWaitMs: 900,
      onState: (state) => filesStore.update((current) => ({ ...current, save: state })),
    });
  }

  /**
   * Loads the saved files (or the starting ones) into the files store and returns them.
   *
   * @example
   * const files = await controller.open();
   * session.start(files, null);
   */
  async open(): Promise<FileMap> {
    const [record, previous] = await Promise.all([
      this.repository.get(this.lesson.id),
      this.lesson.fromPrevious ? this.repository.get(this.lesson.fromPrevious.lessonId) : Promise.resolve(undefined),
    ]);
    this.#record = record;
    this.#starting = startingFiles(this.lesson.starter, this.lesson.fromPrevious?.inheritedPaths ?? [], previous);
    const files = record?.files && Object.keys(record.files).length > 0 ? record.files : this.#starting;
    filesStore.set(openLessonFiles(this.lesson.id, files, this.lesson.focus));
    reportStore.set({ running: false, report: null, runs: 0, waitingFor: null });
    hintsStore.set({});
    undoStore.set(record?.beforeReset ? (record.beforeResetBy ?? "reset") : null);
    void this.repository.setMeta(LAST_LESSON_KEY, this.lesson.id).catch(() => undefined);
    return files;
  }

  /** The files the lesson starts from (its starter, or the learner's previous lesson's files). */
  get startingFiles(): FileMap {
    return this.#starting;
  }

  /** Records an edit: store, sandbox, and a save within a second. */
  edit(path: string, contents: string): void {
    const before = filesStore.get();
    const after = editFile(before, path, contents);
    if (after === before) return;
    filesStore.set(after);
    this.session?.write(path, contents);
    this.#autosave.schedule(after.files);
  }

  /** Runs the checks and records the result as progress. */
  async check(): Promise<GradeReport | null> {
    // One run at a time: a held-down Ctrl+Enter must not queue a dozen runs.
    if (!this.session || this.#checking) return null;
    this.#checking = true;
    try {
      return await this.#check(this.session);
    } finally {
      this.#checking = false;
    }
  }

  async #check(session: WorkspaceSession): Promise<GradeReport> {
    await this.#autosave.flush();
    const report = await session.check();
    const passedChecks = report.checks.filter((check) => check.status === "pass").length;
    await this.#update({
      passed: (this.#record?.passed ?? false) || isLessonPassed(report),
      lastCheck: { status: report.status, passedChecks, totalChecks: report.checks.length, tasks: countByTask(report.checks), at: Date.now() },
      // Checked here now: the lesson's state is this browser's own from here on.
      importedAt: undefined,
    });
    return report;
  }

  /** Puts the starting files back, keeping the current ones so the reset can be undone. */
  async reset(): Promise<void> {
    const current = filesStore.get().files;
    await this.#autosave.flush();
    this.#apply(this.#starting);
    await this.#update({ files: this.#starting, beforeReset: current, beforeResetBy: undefined });
    undoStore.set("reset");
  }

  /**
   * Puts the lesson's solution in the editor (files the learner added stay), keeping their files
   * so Solve can be undone. Solving again before undoing keeps the files from before the first
   * Solve: the learner's own work is never replaced by an edited solution.
   */
  async solve(): Promise<void> {
    const current = filesStore.get().files;
    await this.#autosave.flush();
    const solved = { ...current, ...this.lesson.solution };
    const kept = undoStore.get() === "solve" && this.#record?.beforeReset ? this.#record.beforeReset : current;
    this.#apply(solved);
    await this.#update({ files: solved, beforeReset: kept, beforeResetBy: "solve" });
    undoStore.set("solve");
  }

  /** Brings back the files from before the last reset or Solve. */
  async undo(): Promise<void> {
    const saved = this.#record?.beforeReset;
    if (!saved) return;
    this.#apply(saved);
    await this.#update({ files: saved, beforeReset: undefined, beforeResetBy: undefined });
    undoStore.set(null);
  }

  /** Saves anything pending (page hide, navigation). */
  flush(): Promise<void> {
    return this.#autosave.flush();
  }

  #apply(files: FileMap): void {
    this.#autosave.cancel();
    filesStore.set({ ...replaceFiles(filesStore.get(), files), save: "saved" });
    this.session?.replaceAll(files);
  }

  async #saveFiles(files: FileMap): Promise<void> {
    // Opening a lesson and changing nothing leaves it "not started".
    if (!this.#record && !filesChanged(files, this.#starting)) return;
    await this.#update({ files });
  }

  async #update(change: Partial<LessonRecord>): Promise<void> {
    const base: LessonRecord = this.#record ?? { lessonId: this.lesson.id, files: filesStore.get().files, passed: false, updatedAt: 0 };
    const record: LessonRecord = { ...base, ...change, updatedAt: Date.now() };
    if (record.beforeReset === undefined) delete record.beforeReset;
    if (record.beforeResetBy === undefined) delete record.beforeResetBy;
    if (record.importedAt === undefined) delete record.importedAt;
    this.#record = record;
    await this.repository.put(record);
    setLessonState(this.lesson.id, lessonState(record), record.lastCheck?.tasks);
  }
}
