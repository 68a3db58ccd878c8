/**
 * The app's log, as checks read it: what the learner's code printed with `console.*` during the
 * running check, line by line (the learner side forwards it, payload/learner-side/console-forward.ts).
 * A production app logs to its output and the platform keeps it; a check reads it the same way.
 */
import { CheckFailure } from "./failure";

/** What checks.ts sees as `appLog`. */
export interface AppLog {
  /**
   * Every line the app printed (stdout and stderr, in order) since the running check began,
   * once everything the app printed before this call has arrived. Fails the check when the app
   * printed more than the log keeps (256,000 characters in one check): a secret could hide
   * past the cut, so an app cannot flood its way to a pass.
   *
   * @example
   * await http(app).get("/boom");
   * const entries = (await appLog.lines()).map((line) => JSON.parse(line));
   */
  lines(): Promise<string[]>;
}

/** The most characters one check's log keeps. */
const MAX_CHARS = 256_000;

/**
 * The log of one run. `record` takes each printed text as it arrives, `reset` starts a check's
 * log afresh, and `flush` (the session's ping) waits for what is still on its way.
 *
 * @example
 * const log = createAppLog(() => session.flush());
 * log.record("hello\n");   // from the learner link
 * await log.api.lines();   // ["hello"]
 */
export function createAppLog(flush: () => Promise<void> = async () => {}): { api: AppLog; record(text: string): void; reset(): void } {
  let texts: string[] = [];
  let chars = 0;
  let overflowed = false;
  return {
    api: Object.freeze({
      async lines(): Promise<string[]> {
        await flush();
        if (overflowed) throw new CheckFailure(`the app's log: your app printed more than ${MAX_CHARS.toLocaleString("en")} characters during this check, more than the checks read. Log one line per request, not the requests' contents.`);
        return texts.flatMap((text) => text.split(/\r?\n/));
      },
    }),
    record(text: string): void {
      if (overflowed) return;
      chars += text.length;
      if (chars > MAX_CHARS) {
        overflowed = true;
        texts = [];
        return;
      }
      texts.push(text);
    },
    reset(): void {
      texts = [];
      chars = 0;
      overflowed = false;
    },
  };
}
