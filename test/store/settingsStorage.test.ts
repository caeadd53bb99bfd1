// Settings saved one entry per setting: two tabs never wipe each other's changes (issue 16 item 3).

import { describe, expect, it } from "vitest";
import { perKeyStorage } from "../../src/store/settingsStorage";

/** The browser's localStorage, shared by every tab of the origin. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, String(v));
    },
    removeItem: (k) => {
      data.delete(k);
    },
    clear: () => data.clear(),
  };
}

const NAME = "funnel-lens:settings";
const saved = (state: Record<string, unknown>) => JSON.stringify({ state, version: 0 });
const read = (value: unknown) => JSON.parse(String(value)).state as Record<string, unknown>;

describe("per-setting storage", () => {
  it("keeps another tab's change to a setting this tab did not touch", () => {
    const shared = memoryStorage();
    const tabA = perKeyStorage(() => shared);
    const tabB = perKeyStorage(() => shared);
    tabA.setItem(NAME, saved({ theme: "system", stalledDays: 30 }));
    // Both tabs open on the same settings.
    read(tabA.getItem(NAME));
    read(tabB.getItem(NAME));
    // A changes the stalled setting; B, still holding 30, changes the theme and writes its whole copy.
    tabA.setItem(NAME, saved({ theme: "system", stalledDays: 60 }));
    tabB.setItem(NAME, saved({ theme: "dark", stalledDays: 30 }));
    expect(read(perKeyStorage(() => shared).getItem(NAME))).toEqual({ theme: "dark", stalledDays: 60 });
    expect(shared.getItem(`${NAME}:stalledDays`)).toBe("60");
  });

  it("reads a whole-state entry an older version saved, and splits it on the next write", () => {
    const shared = memoryStorage();
    shared.setItem(NAME, saved({ theme: "light", windowDays: 30 }));
    const tab = perKeyStorage(() => shared);
    expect(read(tab.getItem(NAME))).toEqual({ theme: "light", windowDays: 30 });
    tab.setItem(NAME, saved({ theme: "dark", windowDays: 30 }));
    expect(shared.getItem(NAME)).toBeNull();
    expect(read(tab.getItem(NAME))).toEqual({ theme: "dark", windowDays: 30 });
  });

  it("says nothing is saved when nothing is, and forgets every entry on remove", () => {
    const shared = memoryStorage();
    const tab = perKeyStorage(() => shared);
    expect(tab.getItem(NAME)).toBeNull();
    tab.setItem(NAME, saved({ theme: "dark", windowDays: null }));
    tab.removeItem(NAME);
    expect(shared.length).toBe(0);
    expect(tab.getItem(NAME)).toBeNull();
  });
});
