/**
 * The Lighthouse table of a run: one row per page, the numbers Lighthouse scores a page on
 * (performance, and the accessibility score next to it) and the metrics behind them.
 */
import type { PageAudit } from "../site/lighthouse";

/** The columns, in order. */
export const LIGHTHOUSE_HEADERS = ["Page", "Performance", "Accessibility", "FCP", "LCP", "Total blocking time", "Time to interactive", "Longest task", "Machine speed (benchmark index)"];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${Math.round(ms).toLocaleString("en-US")} ms`;

/** One page's cells, in the order of `LIGHTHOUSE_HEADERS`. */
export function lighthouseCells(audit: PageAudit): string[] {
  return [`\`${audit.path}\``, String(audit.performance), String(audit.accessibility), seconds(audit.fcpMs), seconds(audit.lcpMs), millis(audit.tbtMs), seconds(audit.ttiMs), millis(audit.longestTaskMs), String(Math.round(audit.benchmarkIndex))];
}

/**
 * The audits as a Markdown table.
 *
 * @example
 * lighthouseMarkdown([{ path: "/", runs: 3, performance: 99, accessibility: 100, fcpMs: 900, lcpMs: 1200, tbtMs: 40, ttiMs: 2100, longestTaskMs: 90, benchmarkIndex: 1500 }]);
 */
export function lighthouseMarkdown(audits: readonly PageAudit[]): string {
  const rows = audits.map((audit) => `| ${lighthouseCells(audit).join(" | ")} |`);
  return [`| ${LIGHTHOUSE_HEADERS.join(" | ")} |`, `| --- | ${LIGHTHOUSE_HEADERS.slice(1).map(() => "---:").join(" | ")} |`, ...rows].join("\n");
}

/** The audits as a plain-text table for the terminal. */
export function lighthouseText(audits: readonly PageAudit[]): string {
  const table = [LIGHTHOUSE_HEADERS, ...audits.map(lighthouseCells)];
  const widths = LIGHTHOUSE_HEADERS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}
