/**
 * Attack: never answer, and never let the event loop run again, hoping the grader's timer
 * lives in this realm too and a half-finished run is read as a pass.
 */
import { Vial } from "vial";

export const app = new Vial();

app.get("/", () => {
  for (;;) {
    // Spin.
  }
});
