/**
 * The first stack frame in a learner file (their files carry relative names like "app.ts"), as
 * "file:line:column".
 *
 * @example
 * learnerFrame(new Error().stack) // "app.ts:9:3"
 */
export function learnerFrame(stack: string | undefined): string | undefined {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const match = /\(?([^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (match && !match[1]!.includes(":") && !match[1]!.startsWith("/") && !match[1]!.startsWith("<")) {
      return `${match[1]}:${match[2]}:${match[3]}`;
    }
  }
  return undefined;
}
