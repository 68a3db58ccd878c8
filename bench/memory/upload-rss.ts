/**
 * Peak memory of one large multipart upload through `serve` with the default config: the server
 * runs in a child process, which reports its RSS before the upload and at its peak during it.
 *
 *   npx tsx bench/memory/upload-rss.ts [megabytes=800]
 *
 * Files past 500 KiB are spooled to a temporary file, so the peak should stay near the baseline
 * however large the upload is (issue 17 measured 94 -> 1,825 MB for 800 MB before spooling).
 */
import { fork } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";

const CHILD = "--serve-child";

if (process.argv.includes(CHILD)) {
  const { Vial } = await import("vial");
  const { serve } = await import("vial/node");
  const app = new Vial();
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  app.post("/upload", async (req) => {
    const file = (await req.files).get("file");
    return { size: file?.size ?? 0, spooled: file?.path !== undefined };
  });
  app.get("/peak", () => ({ rss: Math.max(peak, process.memoryUsage.rss()) }));
  const server = await serve(app, { port: 0, handleSignals: false });
  global.gc?.();
  process.send!({ url: server.url, baseline: process.memoryUsage.rss() });
  process.on("message", () => {
    clearInterval(sample);
    void server.close().then(() => process.exit(0));
  });
} else {
  const megabytes = Number(process.argv[2] ?? 800);
  const child = fork(fileURLToPath(import.meta.url), [CHILD], { execArgv: ["--conditions=vial-source", "--import", "tsx", "--expose-gc"] });
  const { url, baseline } = await new Promise<{ url: string; baseline: number }>((resolve) => child.once("message", resolve as never));
  const boundary = "rss-bench-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = Buffer.alloc(1024 * 1024, 0x61);
  const length = head.length + megabytes * block.length + tail.length;
  const started = Date.now();
  const answer = await new Promise<string>((resolve, reject) => {
    const req = request(`${url}/upload`, { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": length } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < megabytes) {
        sent++;
        if (!req.write(block)) return void req.once("drain", pump);
      }
      req.end(tail);
    };
    pump();
  });
  const peak = (await (await fetch(`${url}/peak`)).json()) as { rss: number };
  child.send("stop");
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  console.log(`upload of ${megabytes} MB in ${((Date.now() - started) / 1000).toFixed(1)} s: ${answer}`);
  console.log(`server RSS: ${mb(baseline)} before, ${mb(peak.rss)} at peak`);
}
