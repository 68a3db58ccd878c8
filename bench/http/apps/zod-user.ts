/** The POST /users schema in zod, for the apps that validate with zod (Vial, Hono, Express, node:http). */
import { z } from "zod";

/** Same rules as `USER_JSON_SCHEMA`. */
export const UserSchema = z.object({
  name: z.string().min(1).max(100),
  email: z.string().regex(/^[^@\s]+@[^@\s]+$/),
  age: z.number().int().min(0).max(150),
});
