/** The servers under test, in the order every table lists them. */
export interface Framework {
  /** Short id, also the app file's name in `apps/`. */
  id: "node-http" | "vial" | "fastify" | "hono" | "express";
  /** How tables name it. */
  label: string;
}

export const FRAMEWORKS: readonly Framework[] = [
  { id: "node-http", label: "node:http" },
  { id: "vial", label: "Vial" },
  { id: "fastify", label: "Fastify 5" },
  { id: "hono", label: "Hono 4" },
  { id: "express", label: "Express 5" },
];

/** The framework every ratio is relative to. */
export const BASELINE: Framework["id"] = "node-http";
