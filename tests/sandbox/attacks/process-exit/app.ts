/**
 * Attack: end the process with a success code as soon as the app loads, before any check runs,
 * hoping "exited with 0" reads as "passed".
 * Must happen: the report is an error that names process.exit.
 */
import { Vial } from "vial";

export const app = new Vial();

if (typeof process !== "undefined") process.exit(0);
