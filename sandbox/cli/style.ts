/** ANSI styling that switches itself off when output is not a terminal or NO_COLOR is set. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/**
 * Makes a {@link Style}; `enabled` defaults to "stdout is a TTY and NO_COLOR is unset".
 *
 * @example
 * const style = createStyle();
 * console.log(style.green("✓ passed"));
 */
export function createStyle(enabled = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR): Style {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}
