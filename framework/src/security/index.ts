/** Vial's security kit. */
export { hashPassword, verifyPassword } from "./password";
export type { HashPasswordOptions, PasswordMethod } from "./password";
export { safeJoin } from "./safe-join";
