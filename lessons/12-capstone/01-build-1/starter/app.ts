import { Vial } from "vial";

// An empty folder, nearly: the preview and the checks need an app to import, built by a
// factory from environment variables, and db.ts opens the lesson's database. Everything else
// is yours to write.
export function createApp(_env: Record<string, string | undefined> = {}): Vial {
  return new Vial();
}

export const app = createApp();

export { initDb } from "./db";
