"use client";
/**
 * What the learner's app printed (console.log and errors), newest at the bottom.
 */
import { useEffect, useRef } from "react";
import { useStore } from "../state/use-store";
import { outputStore } from "../state/output-store";

/**
 * The output log.
 *
 * @example
 * <OutputPanel />
 */
export function OutputPanel() {
  const output = useStore(outputStore);
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [output]);
  return (
    <div className="output">
      <div className="output__bar">
        <button type="button" className="button button--small button--quiet" onClick={() => outputStore.set("")}>
          Clear
        </button>
      </div>
      <pre ref={log} className="output__log" role="log" aria-label="Output of your app" tabIndex={0} data-testid="output-log">
        {output || "Nothing printed yet. console.log in your app shows up here."}
      </pre>
    </div>
  );
}
