"use client";
/**
 * Cycles the colour scheme: follow the system, light, dark. The choice is kept in localStorage
 * and applied to <html data-theme> (CSS reads it through `color-scheme` and `light-dark()`).
 */
import { useEffect } from "react";
import { useStore } from "../state/use-store";
import { nextTheme, parseTheme, THEME_KEY, themeStore, type ThemeChoice } from "../state/theme-store";

const LABEL: Record<ThemeChoice, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

function applyTheme(choice: ThemeChoice): void {
  if (choice === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  try {
    if (choice === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}

/**
 * The toggle button.
 *
 * @example
 * <ThemeToggle />
 */
export function ThemeToggle() {
  const theme = useStore(themeStore);
  useEffect(() => {
    try {
      themeStore.set(parseTheme(localStorage.getItem(THEME_KEY)));
    } catch {
      themeStore.set("system");
    }
  }, []);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={`${LABEL[theme]} (change)`}
      title="Change the colour theme"
      onClick={() => {
        const next = nextTheme(theme);
        themeStore.set(next);
        applyTheme(next);
      }}
    >
      <span aria-hidden="true">{theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}</span> {LABEL[theme].replace("Theme: ", "")}
    </button>
  );
}
