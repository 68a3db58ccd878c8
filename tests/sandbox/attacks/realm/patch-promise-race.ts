/**
 * Attack: replace only Promise.race, so that a race between a check and its time limit settles
 * as soon as the check does, with any rejection (a failed expectation) swallowed. In a realm
 * shared with the grader, every failing check would then count as passed.
 */
import { Vial } from "vial";

export const app = new Vial();

const race = Promise.race.bind(Promise);
Promise.race = ((values: Iterable<unknown>) => race([...values].map((value) => Promise.resolve(value).catch(() => undefined)))) as typeof Promise.race;
