import { formatLog } from "../../../payload/runtime/format-log";

/** Text gathered before it is posted to the page: fewer, larger messages when code floods. */
const BATCH_CHARS = 16 * 1024;

/** Collects the learner's output, posts it in batches, and enforces the run's output limit. */
export interface OutputSink {
  write(text: string): void;
  /** Posts what is gathered now (before a report, so output arrives first). */
  flush(): void;
  readonly exceeded: boolean;
}

export interface OutputSinkOptions {
  send(text: string): void;
  /** Called once, when the limit is passed; the page then ends the worker. */
  onExceeded(): void;
  /** Most characters a run may print. */
  limit: number;
  /** How a later flush is scheduled (default setTimeout 0); tests pass their own. */
  schedule?(flush: () => void): void;
}

/**
 * Makes an output sink. Text is posted when a batch fills up or soon after the code goes
 * quiet; past the limit nothing more is posted and `onExceeded` is called once.
 *
 * @example
 * const sink = createOutputSink({ send: (text) => post({ type: "output", text }), onExceeded, limit: 1_000_000 });
 * sink.write("hello\n");
 */
export function createOutputSink(options: OutputSinkOptions): OutputSink {
  const schedule = options.schedule ?? ((flush) => setTimeout(flush, 0));
  let pending = "";
  let scheduled = false;
  let printed = 0;
  let exceeded = false;
  const flush = () => {
    scheduled = false;
    if (pending) options.send(pending);
    pending = "";
  };
  return {
    get exceeded() {
      return exceeded;
    },
    write(text) {
      if (exceeded || text === "") return;
      printed += text.length;
      if (printed > options.limit) {
        exceeded = true;
        const room = text.length - (printed - options.limit);
        pending += text.slice(0, Math.max(room, 0));
        flush();
        options.onExceeded();
        return;
      }
      pending += text;
      if (pending.length >= BATCH_CHARS) flush();
      else if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
  };
}

/** The console methods that print to the output panel (others keep going to the devtools). */
const PRINTING = ["log", "info", "warn", "error", "debug", "trace"] as const;

/**
 * Sends what the learner's code prints with `console.*` to the sink, formatted as Node would.
 * Once the output limit is passed, printing throws, so a runaway loop stops sooner.
 *
 * @example
 * captureConsole(console, sink);
 * console.log("%d checks", 2); // the sink gets "2 checks\n"
 */
export function captureConsole(target: Console, sink: OutputSink): void {
  for (const name of PRINTING) {
    target[name] = (...args: unknown[]) => {
      if (sink.exceeded) throw new Error("The output limit was reached.");
      const text = formatLog(args);
      sink.write(name === "trace" ? `Trace: ${text}\n${new Error().stack?.split("\n").slice(2).join("\n") ?? ""}\n` : text + "\n");
    };
  }
  target.dir = (value: unknown) => target.log(value);
}
