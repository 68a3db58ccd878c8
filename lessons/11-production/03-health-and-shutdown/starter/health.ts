import type { Vial } from "vial";
import type { Pool } from "./db";

/**
 * The endpoints a load balancer or an orchestrator (Kubernetes, ECS, a PaaS) asks about the
 * notebook. A first draft, copied from a tutorial: one endpoint that tells everything.
 */
export function useHealth(app: Vial, pool: Pool): void {
  app.get("/health", async () => {
    const { rows } = await pool.query<{ version: string }>("SELECT version() AS version");
    return { status: "ok", database: rows[0]?.version, debug: Boolean(app.config.DEBUG), settings: Object.keys(app.config) };
  });
}
