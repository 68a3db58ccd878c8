/**
 * Stand-ins for what the deployment's secret store gives the app. In production these arrive
 * in the environment (VIAL_SECRET_KEY, VIAL_SECRET_KEY_FALLBACKS) and are never in a file in
 * git; the sandbox has no environment of yours, so this lesson hands them over here.
 */

/** The key production has signed sessions with for the past year. */
export const KEY_2025 = "8N2i4mGZgeYMl3rDdbm_49Wq0uIlt3Rov7HpcIBhm88";

/** The new key, generated for this year's rotation. */
export const KEY_2026 = "QbRnkwXF5TPsV1ExBOgpbQiS6bZxByAd0pS-HWBVVeg";
