// The header's theme control: follow the system, or force light or dark (kept in this browser's settings).

import type { ChangeEvent } from "react";
import { type Theme, useAppStore } from "../store";

const THEME_OPTIONS: readonly { value: Theme; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

function isTheme(value: string): value is Theme {
  return THEME_OPTIONS.some((option) => option.value === value);
}

export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    if (isTheme(value)) setTheme(value);
  };

  return (
    <label className="theme-toggle">
      Theme
      <select aria-label="Theme" value={theme} onChange={onChange}>
        {THEME_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
