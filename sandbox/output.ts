/** Chunks kept for a reader that falls behind; older ones are dropped, not buffered forever. */
const MAX_QUEUED = 1000;

interface Reader {
  queue: string[];
  wake?: () => void;
}

/**
 * A broadcast stream of output text: each `for await` reader gets every chunk pushed after it
 * started reading. Ends for all readers on `close()`. Engine-agnostic.
 *
 * @example
 * const output = new OutputStream();
 * (async () => { for await (const text of output) panel.append(text); })();
 * output.push("Listening on :3000\n");
 */
export class OutputStream implements AsyncIterable<string> {
  #readers = new Set<Reader>();
  #closed = false;

  /** Hands text to every current reader. */
  push(text: string): void {
    if (this.#closed || text === "") return;
    for (const reader of this.#readers) {
      reader.queue.push(text);
      if (reader.queue.length > MAX_QUEUED) reader.queue.shift();
      reader.wake?.();
    }
  }

  /** Ends the stream: readers finish once they have read what is queued. */
  close(): void {
    this.#closed = true;
    for (const reader of this.#readers) reader.wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    const reader: Reader = { queue: [] };
    this.#readers.add(reader);
    const done = (): IteratorResult<string> => {
      this.#readers.delete(reader);
      return { done: true, value: undefined };
    };
    return {
      next: async () => {
        while (reader.queue.length === 0) {
          if (this.#closed) return done();
          await new Promise<void>((resolve) => (reader.wake = resolve));
          reader.wake = undefined;
        }
        return { done: false, value: reader.queue.shift()! };
      },
      return: async () => done(),
    };
  }
}
