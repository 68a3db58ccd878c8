"use client";
/**
 * The lesson's file tree and the editor's file tabs. Both are plain buttons: Tab reaches them,
 * Enter opens a file; the tabs also move with the arrow keys.
 */
import type { KeyboardEvent } from "react";
import { fileTree, type TreeFolder } from "./file-tree";

export interface FileNavProps {
  paths: string[];
  open: string[];
  active: string | null;
  onOpen(path: string): void;
}

/**
 * The file tree (hidden when the lesson has a single file).
 *
 * @example
 * <FileTree paths={["app.ts"]} active="app.ts" open={["app.ts"]} onOpen={open} />
 */
export function FileTree({ paths, active, onOpen }: FileNavProps) {
  if (paths.length < 2) return null;
  return (
    <nav className="file-tree" aria-label="Lesson files">
      <FolderList folder={fileTree(paths)} active={active} onOpen={onOpen} />
    </nav>
  );
}

function FolderList({ folder, active, onOpen }: { folder: TreeFolder; active: string | null; onOpen(path: string): void }) {
  return (
    <ul>
      {folder.folders.map((child) => (
        <li key={child.path}>
          <span className="file-tree__folder">{child.name}/</span>
          <FolderList folder={child} active={active} onOpen={onOpen} />
        </li>
      ))}
      {folder.files.map((file) => (
        <li key={file.path}>
          <button type="button" className="file-tree__file" aria-current={file.path === active ? "true" : undefined} onClick={() => onOpen(file.path)}>
            {file.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Tabs of the open files.
 *
 * @example
 * <FileTabs paths={paths} open={open} active={active} onOpen={activate} />
 */
export function FileTabs({ open, active, onOpen }: FileNavProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = open[(index + step + open.length) % open.length];
    if (next) {
      onOpen(next);
      const tabs = event.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>("[role=tab]");
      tabs?.[(index + step + open.length) % open.length]?.focus();
    }
  };
  return (
    <div className="file-tabs" role="tablist" aria-label="Open files">
      {open.map((path, index) => (
        <button
          key={path}
          type="button"
          role="tab"
          id={`file-tab-${index}`}
          aria-selected={path === active}
          aria-controls="editor-panel"
          tabIndex={path === active ? 0 : -1}
          className="file-tabs__tab"
          onClick={() => onOpen(path)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {path}
        </button>
      ))}
    </div>
  );
}
