import { describe, expect, it, vi } from "vitest";
import { installProcessShim, learnerFrame, ProcessExit } from "../../../sandbox/engines/worker/host/process-shim";

describe("learnerFrame", () => {
  it("finds the first frame in a learner file, skipping bundles and URLs", () => {
    const stack = "Error\n    at Object.exit (blob:http://x.test/3c1e:12:5)\n    at eval (app.ts:4:5)\n    at routes/users.ts:9:1";
    expect(learnerFrame(stack)).toBe("app.ts:4:5");
    expect(learnerFrame("Error\n    at http://x.test/a.js:1:1")).toBeUndefined();
    expect(learnerFrame(undefined)).toBeUndefined();
  });
});

describe("installProcessShim", () => {
  it("gives learner code an empty env, a printing stdout, and an exit that reports and stops", () => {
    const scope: Record<string, unknown> = {};
    const print = vi.fn();
    const onExit = vi.fn();
    installProcessShim(scope, { print, onExit });
    const shim = scope.process as { env: object; stdout: { write(text: string): boolean }; exit(code?: number): never };
    expect(shim.env).toEqual({});
    shim.stdout.write("hello");
    expect(print).toHaveBeenCalledWith("hello");
    expect(() => shim.exit(3)).toThrow(ProcessExit);
    expect(onExit).toHaveBeenCalledWith(3, undefined);
  });

  it("leaves an existing process alone", () => {
    const existing = { env: { A: "1" } };
    const scope: Record<string, unknown> = { process: existing };
    installProcessShim(scope, { print: () => {}, onExit: () => {} });
    expect(scope.process).toBe(existing);
  });

  it("keeps SIGTERM listeners as node's EventEmitter does, and delivers a signal to them", () => {
    const scope: Record<string, unknown> = {};
    const onExit = vi.fn();
    const deliver = installProcessShim(scope, { print: () => {}, onExit });
    const shim = scope.process as { on(e: string, l: (s: string) => void): unknown; once(e: string, l: (s: string) => void): unknown; listenerCount(e: string): number; emit: unknown };
    const heard: string[] = [];
    expect(shim.once("SIGTERM", (signal) => heard.push(`once ${signal}`))).toBe(shim);
    shim.on("SIGTERM", (signal) => heard.push(`on ${signal}`));
    // Learner code replacing emit does not change how the signal arrives.
    shim.emit = () => false;
    deliver("SIGTERM");
    deliver("SIGTERM");
    expect(heard).toEqual(["once SIGTERM", "on SIGTERM", "on SIGTERM"]);
    expect(shim.listenerCount("SIGTERM")).toBe(1);
    expect(onExit).not.toHaveBeenCalled();
  });

  it("ends the process with 128 + the signal's number when nobody listens, as node does", () => {
    const scope: Record<string, unknown> = {};
    const onExit = vi.fn();
    const deliver = installProcessShim(scope, { print: () => {}, onExit });
    deliver("SIGTERM");
    expect(onExit).toHaveBeenCalledWith(143, undefined);
    deliver("SIGINT");
    expect(onExit).toHaveBeenLastCalledWith(130, undefined);
  });
});

