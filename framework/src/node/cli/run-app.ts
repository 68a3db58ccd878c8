/** Child process of `vial dev` / `vial run`: loads the app and serves it. Arguments: entry host port. */
import { serve } from "../serve.ts";
import { loadApp } from "./load-app.ts";

const [entry, host = "127.0.0.1", port = "5000"] = process.argv.slice(2);
if (!entry) {
  console.error("usage: run-app <entry> [host] [port]");
  process.exit(2);
}
const app = await loadApp(entry, { native: true });
await serve(app, {
  host,
  port: Number(port),
  onListen: ({ url }) => console.log(` * Serving ${entry} on ${url} (press CTRL+C to quit)`),
});
