/**
 * Attack: every other way a browser Worker can send a request: fetch (also one found on a
 * prototype), XHR, WebSocket, EventSource, importScripts, a nested Worker. Node lacks most of
 * them: there the attempts just fail.
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();
const off = `http://${canary.host}:${canary.port}`;
const scope = self as unknown as Record<string, any>;
const tries: (() => unknown)[] = [
  () => fetch(`${off}/fetch`),
  () => Object.getPrototypeOf(scope).fetch?.call(scope, `${off}/prototype-fetch`),
  () => { const request = new XMLHttpRequest(); request.open("GET", `${off}/xhr`); request.send(); },
  () => new WebSocket(`${off.replace("http", "ws")}/socket`),
  () => new EventSource(`${off}/events`),
  () => scope.importScripts(`${off}/import-scripts.js`),
  () => new Worker(`${off}/worker.js`),
];
for (const attempt of tries) {
  try {
    void Promise.resolve(attempt()).catch(() => undefined);
  } catch {
    // Refused: on to the next.
  }
}
