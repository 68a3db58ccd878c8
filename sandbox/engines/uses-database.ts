/**
 * True when a lesson's checks use the database (`database.setup`, `database.query`): such runs
 * start one (PGlite, or a server), and get time for it. Every engine asks the same question.
 *
 * @example
 * usesDatabase('database.setup(async () => { await initDb(); });') // true
 */
export function usesDatabase(checks: string): boolean {
  return /\bdatabase\.(setup|query)\b/.test(checks);
}
