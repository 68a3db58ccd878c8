/**
 * The warm-up of a spare learner host: a tiny fixed app run through the same code paths a real
 * run takes (loading with sucrase, a request through vial), so the learner's run finds them
 * compiled. The app is ours, not learner code.
 */
import type * as LearnerRuntime from "../learner-side/index";
import type { GraderMessage, LearnerMessage } from "../realm/messages";
import type { Transform } from "../runtime/module-loader";

const APP = `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/users/<int:id>", (req) => ({ id: req.params.id }));\n`;

/**
 * Loads the tiny app in a learner side of this process and sends it one request.
 *
 * @example
 * await warmUpLearnerSide(runtime, sucrase.transform, vial.core);
 */
export async function warmUpLearnerSide(runtime: typeof LearnerRuntime, transform: Transform, vial: unknown): Promise<void> {
  const answers = new Map<number, (message: LearnerMessage) => void>();
  const learner = runtime.createLearnerSide({
    host: { readFile: (path) => (path === "app.ts" ? APP : undefined), transform },
    modules: () => ({ vial }),
    send: (message) => "id" in message && answers.get(message.id)?.(message),
  });
  const ask = (message: Extract<GraderMessage, { id: number }>) => new Promise<LearnerMessage>((resolve) => {
    answers.set(message.id, resolve);
    learner.receive(message);
  });
  const loaded = await ask({ type: "load", id: 1, entry: "app.ts", modules: ["./app"], clockMs: 0 });
  const exports = loaded.type === "loaded" ? loaded.modules["./app"] : undefined;
  const app = exports?.kind === "object" ? exports.entries.find(([name]) => name === "app")?.[1] : undefined;
  if (app?.kind !== "app") return;
  await ask({ type: "fetch", id: 2, handle: app.handle, request: { method: "GET", url: "http://localhost/users/1", headers: [] }, clockMs: 0 });
}
