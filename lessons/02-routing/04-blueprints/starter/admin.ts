import { Blueprint } from "vial";

/** Pages for the library staff. */
export const admin = new Blueprint("admin", { urlPrefix: "/admin" });

/** The staff's token. A later chapter moves secrets like this one into configuration. */
export const ADMIN_TOKEN = "library-staff-only";
