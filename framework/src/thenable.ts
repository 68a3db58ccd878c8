/** Tells whether a value is a Promise or another thenable, so a caller awaits only when it must. */
export function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}
