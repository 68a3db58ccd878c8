import type { Vial } from "vial";
import type { Pool } from "./db";

/**
 * The endpoints a load balancer or an orchestrator (Kubernetes, ECS, a PaaS) asks about the
 * notebook. They answer anyone, without a login, so they say nothing but the verdict: no
 * versions, settings or error messages, which would tell a stranger what to attack.
 */
export function useHealth(app: Vial, pool: Pool): void {
  // Liveness: can this process still answer at all? A "no" gets it restarted, so it must not
  // depend on anything outside the process: if it asked the database, a database outage would
  // restart every copy of the app, which fixes nothing and adds a stampede of reconnections.
  app.get("/healthz", () => ({ status: "ok" }));

  // Readiness: should requests be sent here now? A "no" takes this copy out of the load
  // balancer until it says "yes" again, which is the right answer when its database is gone.
  app.get("/readyz", async () => {
    try {
      await pool.query("SELECT 1");
    } catch (error) {
      // The details are for the operators, in the log; the answer only says "not now".
      app.logger.error("Readiness: the database did not answer", error);
      return [{ status: "unavailable", error: error instanceof Error ? error.message : String(error) }, 503];
    }
    return { status: "ok" };
  });
}
