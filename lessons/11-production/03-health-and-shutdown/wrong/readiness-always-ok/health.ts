import type { Vial } from "vial";
import type { Pool } from "./db";

/**
 * The endpoints a load balancer or an orchestrator (Kubernetes, ECS, a PaaS) asks about the
 * notebook. They answer anyone, without a login, so they say nothing but the verdict: no
 * versions, settings or error messages, which would tell a stranger what to attack.
 */
export function useHealth(app: Vial, _pool: Pool): void {
  // Liveness: can this process still answer at all? A "no" gets it restarted, so it must not
  // depend on anything outside the process: if it asked the database, a database outage would
  // restart every copy of the app, which fixes nothing and adds a stampede of reconnections.
  app.get("/healthz", () => ({ status: "ok" }));

  // Readiness: if this code runs, the app is ready.
  app.get("/readyz", () => ({ status: "ok" }));
}
