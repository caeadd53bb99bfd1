// Settings kept in localStorage one key per setting, so two tabs never wipe each other's changes.
//
// Zustand's persist writes its whole saved state on every change. With one entry, a tab that changed
// the theme also wrote back its stale copy of the benchmarks another tab had just edited. Here each
// setting has its own entry (`funnel-lens:settings:<key>`), and a tab writes an entry only when its
// value differs from the one it last read or wrote there: what it did not change, it leaves alone.

import type { StateStorage } from "zustand/middleware";

export function perKeyStorage(storage: () => Storage): StateStorage {
  /** Per entry, the JSON this tab last read or wrote. */
  const known = new Map<string, string>();
  const entries = (name: string): string[] => {
    const keys: string[] = [];
    const store = storage();
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(`${name}:`)) keys.push(key);
    }
    return keys;
  };
  return {
    getItem: (name) => {
      const store = storage();
      const state: Record<string, unknown> = {};
      let found = false;
      // An older version kept every setting in one entry: read it first, the split entries win.
      const whole = store.getItem(name);
      if (whole !== null) {
        try {
          const parsed: unknown = JSON.parse(whole);
          const saved =
            typeof parsed === "object" && parsed !== null ? (parsed as { state?: unknown }).state : null;
          if (typeof saved === "object" && saved !== null) {
            Object.assign(state, saved);
            found = true;
          }
        } catch {
          // Unreadable: the settings start from their defaults, as with nothing saved.
        }
      }
      for (const entry of entries(name)) {
        const raw = store.getItem(entry);
        if (raw === null) continue;
        try {
          state[entry.slice(name.length + 1)] = JSON.parse(raw);
          known.set(entry, raw);
          found = true;
        } catch {
          // One unreadable setting takes its default; the others still load.
        }
      }
      return found ? JSON.stringify({ state, version: 0 }) : null;
    },
    setItem: (name, value) => {
      const store = storage();
      const parsed = JSON.parse(value) as { state?: Record<string, unknown> };
      for (const [key, setting] of Object.entries(parsed.state ?? {})) {
        const entry = `${name}:${key}`;
        const raw = JSON.stringify(setting) ?? "null";
        // Unchanged by this tab and still there: another tab's newer value, if any, stays.
        if (known.get(entry) === raw && store.getItem(entry) !== null) continue;
        store.setItem(entry, raw);
        known.set(entry, raw);
      }
      store.removeItem(name);
    },
    removeItem: (name) => {
      const store = storage();
      store.removeItem(name);
      for (const entry of entries(name)) {
        store.removeItem(entry);
        known.delete(entry);
      }
    },
  };
}
