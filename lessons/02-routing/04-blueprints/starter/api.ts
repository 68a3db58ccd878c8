import { Blueprint } from "vial";

/** The public book API. */
export const api = new Blueprint("api", { urlPrefix: "/api" });
