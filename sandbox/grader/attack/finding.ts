import { cut } from "../format";

/** How much of a sent value or a response a finding quotes: enough to reproduce, short enough to read. */
const QUOTE_LIMIT = 160;

/**
 * One weakness a probe found: which probe, and a sentence saying what was sent and what came
 * back, so the learner can reproduce it by hand.
 */
export interface Finding {
  probe: string;
  message: string;
}

/**
 * Quotes a value for a finding's message: JSON-quoted, control characters visible, cut.
 *
 * @example
 * quote("java\tscript:x") // '"java\\tscript:x"'
 */
export function quote(value: string, limit = QUOTE_LIMIT): string {
  return cut(JSON.stringify(value), limit);
}

/**
 * Makes a finding.
 *
 * @example
 * finding("xss", 'sent "<img onerror=x>" ... came back with <img onerror="x">')
 */
export function finding(probe: string, message: string): Finding {
  return { probe, message };
}
