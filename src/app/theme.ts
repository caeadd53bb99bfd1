// Applies the chosen colour theme to <html data-theme> and follows the system preference while it is "system".

import { useLayoutEffect, useSyncExternalStore } from "react";
import { type Theme, useAppStore } from "../store";

export type ResolvedTheme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The theme to draw: the user's choice, or the system preference when they left it to the system. */
export function resolveTheme(theme: Theme, prefersDark: boolean): ResolvedTheme {
  if (theme === "system") return prefersDark ? "dark" : "light";
  return theme;
}

let cached: { matchMedia: typeof window.matchMedia; query: MediaQueryList } | null = null;

/**
 * Environments without matchMedia (old test DOMs) are taken to prefer light. The list is made once per
 * matchMedia: React reads the snapshot on every render, and a new list each time showed up in profiles.
 */
function darkQuery(): MediaQueryList | null {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return null;
  if (cached?.matchMedia !== window.matchMedia)
    cached = { matchMedia: window.matchMedia, query: window.matchMedia(DARK_QUERY) };
  return cached.query;
}

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => {};
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the operating system asks for dark colours, updated when that preference changes. */
export function useSystemPrefersDark(): boolean {
  return useSyncExternalStore(
    subscribeToSystemTheme,
    () => darkQuery()?.matches ?? false,
    () => false,
  );
}

/** Call once in the shell: keeps `html[data-theme]` and `color-scheme` equal to the resolved theme. */
export function useAppliedTheme(): ResolvedTheme {
  const theme = useAppStore((s) => s.theme);
  const resolved = resolveTheme(theme, useSystemPrefersDark());
  // A layout effect sets the theme before the first paint, so a dark choice never flashes light.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved;
  }, [resolved]);
  return resolved;
}
