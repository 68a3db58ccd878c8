/**
 * The one table a run prints and writes: a row per measured thing, the same columns for all
 * (HTTP rows use every column; size, start-up and site rows only the first ones).
 */

/** One row of the table. Empty strings print as blanks. */
export interface Row {
  benchmark: string;
  subject: string;
  result: string;
  ratio?: string;
  p50?: string;
  p99?: string;
  rss?: string;
  cpu?: string;
}

const HEADERS: Record<keyof Row, string> = {
  benchmark: "Benchmark",
  subject: "Subject",
  result: "Result",
  ratio: "vs node:http",
  p50: "p50",
  p99: "p99",
  rss: "Peak RSS",
  cpu: "CPU/req",
};
const COLUMNS = Object.keys(HEADERS) as Array<keyof Row>;
const RIGHT_ALIGNED = new Set<keyof Row>(["result", "ratio", "p50", "p99", "rss", "cpu"]);

/** A plain-text table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const cells = (row: Partial<Row>) => COLUMNS.map((column) => row[column] ?? "");
  const widths = COLUMNS.map((column, i) => Math.max(HEADERS[column].length, ...rows.map((row) => cells(row)[i]!.length)));
  const line = (values: string[]) =>
    values.map((value, i) => (RIGHT_ALIGNED.has(COLUMNS[i]!) ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join("  ").trimEnd();
  const out = [line(cells(HEADERS)), widths.map((w) => "-".repeat(w)).join("  ")];
  let previous = "";
  for (const row of rows) {
    // Repeat the benchmark name only where it changes, so groups read as groups.
    out.push(line(cells({ ...row, benchmark: row.benchmark === previous ? "" : row.benchmark })));
    previous = row.benchmark;
  }
  return out.join("\n");
}

/** The same table in Markdown. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (value: string) => value.replace(/\|/g, "\\|");
  const out = [`| ${COLUMNS.map((c) => HEADERS[c]).join(" | ")} |`, `| ${COLUMNS.map((c) => (RIGHT_ALIGNED.has(c) ? "---:" : "---")).join(" | ")} |`];
  for (const row of rows) out.push(`| ${COLUMNS.map((c) => escape(row[c] ?? "")).join(" | ")} |`);
  return out.join("\n");
}

/** Formatting helpers shared by the sections. */
export const format = {
  int: (n: number) => Math.round(n).toLocaleString("en-US"),
  ms: (n: number) => (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`),
  ratio: (n: number) => `${n.toFixed(2)}×`,
  mb: (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`,
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
};
