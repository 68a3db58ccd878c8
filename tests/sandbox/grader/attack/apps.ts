/**
 * Small real Vial apps for the attack kit's tests: for each probe, one that makes the mistake and
 * one that does not. Shared so every probe's test reads the same way.
 */
import { createHttp } from "../../../../sandbox/grader/http";
import { createRandom } from "../../../../sandbox/grader/attack/random";

/** A fresh `http(app)` client, as checks get it. */
export const http = createHttp(() => {});

/** A fixed seed, so a failing test names the same payloads every time it runs. */
export const random = () => createRandom("kit-test");
