/** `vial routes`: the app's rules as a table of rule, methods and endpoint, like `flask routes`. */
import type { Vial } from "../../app.ts";

/** Formats the routing table; HEAD and OPTIONS are left out as Flask does, unless `allMethods`. */
export function formatRoutes(app: Vial, { allMethods = false } = {}): string {
  const rows = [...app.urlMap.rules]
    .sort((a, b) => a.rule.localeCompare(b.rule) || a.endpoint.localeCompare(b.endpoint))
    .map((rule) => {
      const methods = [...rule.methods].filter((m) => allMethods || (m !== "HEAD" && m !== "OPTIONS")).sort();
      return [rule.rule, methods.join(", "), rule.endpoint];
    });
  const header = ["Rule", "Methods", "Endpoint"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
