"use client";
/**
 * A real terminal (xterm.js) attached to the webcontainer engine's shell. Loaded only when the
 * learner opens the Terminal tab under that engine. Like TutorialKit's terminal, it fits its
 * panel (@xterm/addon-fit) and fits again, telling the shell its new size, whenever the panel's
 * size changes (a ResizeObserver: window, split or tab layout changes).
 */
import { useEffect, useRef, useState } from "react";
import "@xterm/xterm/css/xterm.css";
import type { TerminalSession } from "../sandbox/opener";

/**
 * The terminal, connected to `open()`'s shell.
 *
 * @example
 * <TerminalPanel open={opened.openTerminal} />
 */
export default function TerminalPanel({ open }: { open: () => Promise<TerminalSession> }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !host.current) return;
      const styles = getComputedStyle(document.documentElement);
      const terminal = new Terminal({
        convertEol: true,
        fontFamily: styles.getPropertyValue("--font-mono") || "monospace",
        fontSize: 13,
        theme: { background: styles.getPropertyValue("--code-bg").trim() || undefined, foreground: styles.getPropertyValue("--text").trim() || undefined },
      });
      const fit = new FitAddon();
      terminal.loadAddon(fit);
      terminal.open(host.current);
      fit.fit();
      try {
        const shell = await open();
        if (disposed) {
          void shell.dispose();
          return;
        }
        const input = terminal.onData((data) => shell.write(data));
        void (async () => {
          for await (const chunk of shell.output) terminal.write(chunk);
        })();
        shell.resize?.(terminal.cols, terminal.rows);
        const resized = terminal.onResize(({ cols, rows }) => shell.resize?.(cols, rows));
        const layout = new ResizeObserver(() => fit.fit());
        layout.observe(host.current!);
        cleanup = () => {
          layout.disconnect();
          resized.dispose();
          input.dispose();
          void shell.dispose();
          terminal.dispose();
        };
      } catch (reason) {
        setError(reason instanceof Error ? reason.message : String(reason));
        cleanup = () => terminal.dispose();
      }
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [open]);
  return (
    <div className="terminal">
      {error ? <p role="alert">The terminal could not start: {error}</p> : null}
      <div ref={host} className="terminal__host" aria-label="Terminal" />
    </div>
  );
}
