/**
 * The lesson's files as a tree of folders, for the file list beside the editor.
 */

export interface TreeFolder {
  name: string;
  /** Full path of the folder ("" for the root). */
  path: string;
  folders: TreeFolder[];
  files: { name: string; path: string }[];
}

/**
 * Builds the folder tree of `paths`, folders and files each sorted by name.
 *
 * @example
 * fileTree(["app.ts", "routes/users.ts"]).folders[0]?.files[0]?.path; // "routes/users.ts"
 */
export function fileTree(paths: string[]): TreeFolder {
  const root: TreeFolder = { name: "", path: "", folders: [], files: [] };
  for (const path of paths) {
    const parts = path.split("/");
    const name = parts.pop() ?? path;
    let folder = root;
    for (const part of parts) {
      const folderPath = folder.path ? `${folder.path}/${part}` : part;
      let child = folder.folders.find((candidate) => candidate.name === part);
      if (!child) {
        child = { name: part, path: folderPath, folders: [], files: [] };
        folder.folders.push(child);
      }
      folder = child;
    }
    folder.files.push({ name, path });
  }
  sortFolder(root);
  return root;
}

function sortFolder(folder: TreeFolder): void {
  folder.folders.sort((a, b) => a.name.localeCompare(b.name));
  folder.files.sort((a, b) => a.name.localeCompare(b.name));
  folder.folders.forEach(sortFolder);
}
