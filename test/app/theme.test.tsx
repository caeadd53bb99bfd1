// @vitest-environment jsdom
// Themes: which theme is drawn, <html data-theme> following the system, and WCAG contrast of styles.css pairs.

import { readFileSync } from "node:fs";
import path from "node:path";
import { act, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resolveTheme, useAppliedTheme } from "../../src/app/theme";
import { useAppStore } from "../../src/store";

describe("resolveTheme", () => {
  it.each([
    ["system", false, "light"],
    ["system", true, "dark"],
    ["light", true, "light"],
    ["light", false, "light"],
    ["dark", false, "dark"],
    ["dark", true, "dark"],
  ] as const)("draws %s with a dark system preference %s as %s", (theme, prefersDark, expected) => {
    expect(resolveTheme(theme, prefersDark)).toBe(expected);
  });
});

/** A matchMedia stand-in whose dark preference the test flips. */
function fakeSystemPreference(initiallyDark: boolean) {
  let matches = initiallyDark;
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return matches;
    },
    media: "(prefers-color-scheme: dark)",
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    "matchMedia",
    vi.fn(() => query),
  );
  return {
    setDark(dark: boolean) {
      matches = dark;
      for (const listener of listeners) listener();
    },
    listenerCount: () => listeners.size,
  };
}

function Shell() {
  useAppliedTheme();
  return null;
}

describe("useAppliedTheme", () => {
  const initialState = useAppStore.getState();

  beforeEach(() => {
    useAppStore.setState(initialState, true);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = "";
  });

  it("follows the system preference while the theme is System, also when it changes", () => {
    const system = fakeSystemPreference(false);
    render(<Shell />);
    expect(document.documentElement.dataset.theme).toBe("light");
    expect(document.documentElement.style.colorScheme).toBe("light");
    act(() => system.setDark(true));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(document.documentElement.style.colorScheme).toBe("dark");
  });

  it("keeps a chosen theme whatever the system says, and applies a new choice at once", () => {
    const system = fakeSystemPreference(true);
    act(() => useAppStore.getState().setTheme("light"));
    render(<Shell />);
    expect(document.documentElement.dataset.theme).toBe("light");
    act(() => system.setDark(false));
    act(() => useAppStore.getState().setTheme("dark"));
    expect(document.documentElement.dataset.theme).toBe("dark");
  });

  it("stops listening to the system when the shell unmounts", () => {
    const system = fakeSystemPreference(false);
    const { unmount } = render(<Shell />);
    expect(system.listenerCount()).toBe(1);
    unmount();
    expect(system.listenerCount()).toBe(0);
  });
});

// --- Contrast, with the colours read from styles.css so a low-contrast edit fails here. ---

const css = readFileSync(path.join(__dirname, "../../src/styles.css"), "utf8");

function declarations(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`styles.css has no "${selector}" block`);
  const block = css.slice(start, css.indexOf("}", start));
  const found = new Map<string, string>();
  for (const [, name = "", value = ""] of block.matchAll(/(--[\w-]+):\s*([^;]+);/g))
    found.set(name, value.trim());
  return found;
}

const light = declarations(":root");
const dark = new Map([...light, ...declarations(':root[data-theme="dark"]')]);
const THEMES = { light, dark } as const;

/** A custom property's colour as #rrggbb, following var() references within the theme. */
function colour(theme: Map<string, string>, name: string): string {
  const value = theme.get(name);
  if (value === undefined) throw new Error(`${name} is not defined`);
  const reference = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  if (reference) return colour(theme, reference);
  if (!/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${name}: ${value} is not a #rrggbb colour`);
  return value.toLowerCase();
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const linear = (offset: number) => {
    const channel = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
}

function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const TEXT = 4.5;
const GRAPHIC = 3;

/** [foreground, background, minimum ratio]: body text 4.5:1; glyphs, bars, lines and focus rings 3:1. */
const PAIRS_BOTH_THEMES: readonly [string, string, number][] = [
  ["--color-ink", "--color-surface", TEXT],
  ["--color-ink", "--color-page", TEXT],
  ["--color-muted", "--color-surface", TEXT],
  ["--color-muted", "--color-page", TEXT],
  ["--color-accent", "--color-surface", TEXT],
  ["--color-on-accent", "--color-accent", TEXT],
  ["--color-on-accent", "--color-accent-hover", TEXT],
  ["--color-error", "--color-error-bg", TEXT],
  ["--color-error", "--color-surface", TEXT],
  ["--color-ink", "--status-below-bg", TEXT],
  ["--color-ink", "--status-within-bg", TEXT],
  ["--color-ink", "--status-above-bg", TEXT],
  ["--chart-ink", "--chart-surface", TEXT],
  ["--chart-muted-ink", "--chart-surface", TEXT],
  ["--color-focus", "--color-surface", GRAPHIC],
  ["--color-focus", "--color-page", GRAPHIC],
  ["--status-below", "--color-surface", GRAPHIC],
  ["--status-within", "--color-surface", GRAPHIC],
  ["--status-above", "--color-surface", GRAPHIC],
  ["--status-below", "--color-page", GRAPHIC],
  ["--status-within", "--color-page", GRAPHIC],
  ["--status-above", "--color-page", GRAPHIC],
  ["--status-below", "--status-below-bg", GRAPHIC],
  ["--status-within", "--status-within-bg", GRAPHIC],
  ["--status-above", "--status-above-bg", GRAPHIC],
  ["--chart-band", "--chart-surface", GRAPHIC],
  ["--okabe-vermillion", "--color-surface", GRAPHIC],
  ["--okabe-blue", "--color-surface", GRAPHIC],
  ["--okabe-bluish-green", "--color-surface", GRAPHIC],
  ["--okabe-reddish-purple", "--color-surface", GRAPHIC],
  ["--okabe-black", "--color-surface", TEXT],
];

/** On the dark surface every Okabe–Ito hue holds 3:1; on white orange, sky blue and yellow do not. */
const PAIRS_DARK_ONLY: readonly [string, string, number][] = [
  ["--okabe-orange", "--color-surface", GRAPHIC],
  ["--okabe-sky-blue", "--color-surface", GRAPHIC],
  ["--okabe-yellow", "--color-surface", GRAPHIC],
];

describe("theme contrast (WCAG AA, colours read from styles.css)", () => {
  const cases = [
    ...Object.keys(THEMES).flatMap((theme) => PAIRS_BOTH_THEMES.map((pair) => [theme, ...pair] as const)),
    ...PAIRS_DARK_ONLY.map((pair) => ["dark", ...pair] as const),
  ];

  it.each(cases)("%s: %s on %s is at least %s:1", (theme, foreground, background, minimum) => {
    const values = THEMES[theme as keyof typeof THEMES];
    const ratio = contrast(colour(values, foreground), colour(values, background));
    expect(ratio, `${colour(values, foreground)} on ${colour(values, background)}`).toBeGreaterThanOrEqual(
      minimum,
    );
  });

  it("keeps the Okabe–Ito hues in the dark theme (only black changes)", () => {
    for (const name of [...light.keys()].filter(
      (key) => key.startsWith("--okabe-") && key !== "--okabe-black",
    )) {
      expect(colour(dark, name)).toBe(colour(light, name));
    }
  });

  it("computes the textbook ratios (black on white 21:1, white on #0072b2 5.2:1)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#ffffff", "#0072b2")).toBeCloseTo(5.19, 2);
  });
});
