"use client";
/**
 * Loads every lesson's saved state into the progress store once per page, for the outline's
 * badges and the home page's "continue" link.
 */
import { useEffect } from "react";
import { getRepository } from "../persistence/idb-repository";
import { loadProgress } from "../state/progress-store";

/**
 * Renders nothing; fills the progress store.
 *
 * @example
 * <ProgressLoader />
 */
export function ProgressLoader() {
  useEffect(() => {
    void loadProgress(getRepository()).catch(() => undefined);
  }, []);
  return null;
}
