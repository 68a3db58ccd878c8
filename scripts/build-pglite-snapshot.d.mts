/** The snapshot's path for the installed PGlite version. */
export function pgliteSnapshotPath(root?: string): string;
/** Builds the initdb snapshot unless it exists; resolves with its path. */
export function buildPgliteSnapshot(root?: string): Promise<string>;
