/** The app as `npm start` serves it in production: every setting from the environment. */
import { createApp } from "./app.ts";

export const app = createApp(process.env);
