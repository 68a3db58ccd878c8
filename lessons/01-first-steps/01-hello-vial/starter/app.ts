import { Vial } from "vial";

// The preview and the checks import this app, so keep the `export`.
export const app = new Vial();

// Your routes go here.
