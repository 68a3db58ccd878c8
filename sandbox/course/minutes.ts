/** Lesson and chapter times, written the same way by the outline and `learn list`. */

/**
 * Minutes as people say them: "45 min", "1 h", "2 h 15 min".
 *
 * @example
 * formatMinutes(135); // "2 h 15 min"
 */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
