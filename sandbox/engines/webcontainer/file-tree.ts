import type { PayloadTree } from "../../payload/index";
import type { FileSystemTree } from "./types";

/**
 * Turns a payload tree ({ "routes/users.ts": "…" }) into the nested tree
 * `WebContainer.mount()` takes, with binary contents copied (mount() transfers them).
 *
 * @example
 * toFileSystemTree({ "app.ts": "x", ".vial/runtime.mjs": "y" })
 * // { "app.ts": { file: { contents: "x" } }, ".vial": { directory: { "runtime.mjs": { file: { contents: "y" } } } } }
 */
export function toFileSystemTree(tree: PayloadTree): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of Object.entries(tree)) {
    const parts = path.split("/");
    const name = parts.pop()!;
    let folder = root;
    for (const part of parts) {
      const node = (folder[part] ??= { directory: {} });
      if (!("directory" in node)) throw new Error(`"${path}" needs ${part} to be a folder, but it is a file.`);
      folder = node.directory;
    }
    if (folder[name] && "directory" in folder[name]) throw new Error(`"${path}" is a folder already.`);
    // mount() transfers binary contents, detaching the buffer: mount a copy, keep the original.
    folder[name] = { file: { contents: typeof contents === "string" ? contents : contents.slice() } };
  }
  return root;
}

/**
 * The folder part of a path, or "" at the root.
 *
 * @example
 * parentOf("routes/users.ts") // "routes"
 */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}
