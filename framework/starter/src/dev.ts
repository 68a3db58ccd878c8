/**
 * The app as `npm run dev` serves it: debug on, plain http://localhost, and a key that is only
 * good for this machine. Production uses server.ts, with VIAL_SECRET_KEY set.
 */
import { createApp } from "./app.ts";

export const app = createApp({ VIAL_DEBUG: "1", VIAL_SECRET_KEY: "development only: not secret", ...process.env });
