/**
 * Light, dark or the system's choice. The inline script in the root layout applies the saved
 * choice before the first paint; this store keeps the toggle in step afterwards.
 */
import { createStore } from "./store";

export type ThemeChoice = "system" | "light" | "dark";

export const THEME_KEY = "learn-vial:theme";

export const themeStore = createStore<ThemeChoice>("system");

/**
 * Reads a saved theme choice, defaulting to "system".
 *
 * @example
 * parseTheme("dark"); // "dark"
 * parseTheme("purple"); // "system"
 */
export function parseTheme(value: string | null | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/**
 * The choice after "system" in the toggle's cycle: system → light → dark → system.
 *
 * @example
 * nextTheme("dark"); // "system"
 */
export function nextTheme(current: ThemeChoice): ThemeChoice {
  return current === "system" ? "light" : current === "light" ? "dark" : "system";
}

/**
 * Runs in the page head before paint (as a string), so there is no flash of the wrong theme.
 * Sets `data-theme` only for an explicit choice; CSS follows the system otherwise.
 */
export const applyThemeScript = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
