// @vitest-environment jsdom
// An import or a download started while the last visit's data reopens waits until it is in.
import { afterEach, describe, expect, it } from "vitest";
import { whenDataLoaded } from "../../src/app/dataLoaded";
import { useAppStore } from "../../src/store";

const initial = useAppStore.getState();
afterEach(() => useAppStore.setState(initial, true));

describe("whenDataLoaded", () => {
  it("resolves at once when nothing is reopening", async () => {
    useAppStore.getState().setDataset("sample", true, "sample-x");
    await expect(whenDataLoaded()).resolves.toBeUndefined();
  });

  it("waits while the data reopens and resolves once it is in", async () => {
    useAppStore.getState().setDataset("kept.csv", true, "data-1", true);
    let done = false;
    const waiting = whenDataLoaded().then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    useAppStore.getState().setDataset("kept.csv", true, "data-1", false);
    await waiting;
    expect(done).toBe(true);
  });
});
