/** Vial's security kit. */
export { hashPassword, verifyPassword } from "./password.ts";
export type { HashPasswordOptions } from "./password.ts";
export { safeJoin } from "./safe-join.ts";
export { secureFilename } from "./secure-filename.ts";
