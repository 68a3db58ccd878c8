import type { ReactNode } from "react";

/**
 * Renders plain text with `backtick` spans as <code>, for hints written in MDX attributes
 * (which are strings, not Markdown).
 *
 * @example
 * <p>{withInlineCode("Call `app.get` with the path `/`.")}</p>
 */
export function withInlineCode(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/).map((part, index) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 2 ? <code key={index}>{part.slice(1, -1)}</code> : part,
  );
}
