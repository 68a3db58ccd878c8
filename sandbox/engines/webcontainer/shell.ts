import type { WebContainerLike } from "./types";

/** An interactive shell in the container, for a terminal panel (e.g. xterm.js). */
export interface WebContainerShell {
  /** Keystrokes go here; those typed before the shell is interactive are held until it is. */
  input: WritableStream<string>;
  /** What the shell prints, with terminal escapes. */
  output: ReadableStream<string>;
  /** Resolves once jsh says it is interactive. */
  ready: Promise<void>;
  resize(cols: number, rows: number): void;
  /** Resolves when the shell ends (or its container is torn down). */
  exit: Promise<number>;
  kill(): void;
}

/** jsh's "interactive" signal: OSC 654 (TutorialKit, packages/runtime/src/webcontainer/shell.ts). */
const INTERACTIVE = "\u001b]654;interactive\u0007";

/**
 * Starts `jsh --osc` in `cwd` and gives it to a terminal. Keystrokes wait for jsh's
 * "interactive" signal, as TutorialKit's do: jsh loses what arrives while it starts. `ended`
 * resolves the shell's `exit` when the container is torn down (its processes then never report
 * an exit).
 *
 * @example
 * const shell = await openJsh(container, { cwd: "shell", size: { cols: 80, rows: 24 }, ended });
 * terminal.onData((data) => keys.write(data));
 */
export async function openJsh(
  container: WebContainerLike,
  options: { cwd: string; size: { cols: number; rows: number }; ended: Promise<number> },
): Promise<WebContainerShell> {
  const process = await container.spawn("/bin/jsh", ["--osc"], { cwd: options.cwd, terminal: options.size });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let seen = "";
  const output = process.output.pipeThrough(new TransformStream<string, string>({
    transform(chunk, controller) {
      if (seen !== INTERACTIVE) {
        // The signal may be split over chunks: keep just enough of the end to find it.
        seen = (seen + chunk).includes(INTERACTIVE) ? INTERACTIVE : (seen + chunk).slice(-(INTERACTIVE.length - 1));
        if (seen === INTERACTIVE) markReady();
      }
      controller.enqueue(chunk);
    },
  }));
  const keys = process.input.getWriter();
  const input = new WritableStream<string>({
    async write(data) {
      await ready;
      await keys.write(data);
    },
  });
  return {
    input, output, ready,
    resize: (cols, rows) => process.resize({ cols, rows }),
    exit: Promise.race([process.exit, options.ended]),
    kill: () => process.kill(),
  };
}
