// @vitest-environment jsdom
// The "Count" control in the shared bar (issue 20): Cohort or In period, each explained; a period preset
// switches to In period unless the user chose, the choice is remembered, the keyboard can make it, the
// root attribute follows, and without a period it says both ways count the same instead of offering one.

import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useCountAttribute } from "../../src/app/countAttribute";
import type { SegmentOptions } from "../../src/metrics/segments";
import { COUNT_EXPLAINED } from "../../src/model/counting";
import { NO_FILTERS } from "../../src/model/filters";
import { useAppStore } from "../../src/store";
import { FilterBar } from "../../src/views/Filters/FilterBar";

const OPTIONS: SegmentOptions = {
  campaign: [],
  channel: [],
  team: [],
  region: [],
  company_size: [],
  industry: [],
};

vi.mock("../../src/queries/engine", () => ({ appEngine: async () => ({}) }));
vi.mock("../../src/metrics/segments", () => ({
  segmentOptionsMetric: { id: "segment-options", uses: [], run: async () => OPTIONS },
  segmentCountsMetric: { id: "segment-counts", uses: ["filters"], run: async () => null },
  asOfMetric: { id: "as-of", uses: [], run: async () => "2026-06-30" },
}));

// jsdom has no CSS.escape; user-event's arrow keys use it to find a radio's group by name.
globalThis.CSS ??= { escape: (text: string) => text.replace(/[^\w-]/g, (c) => `\\${c}`) } as typeof CSS;

const initialState = useAppStore.getState();

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.count;
  useAppStore.setState(
    { ...initialState, dataset: { label: "sample", identity: "sample", restoring: false } },
    true,
  );
});

function Shell() {
  useCountAttribute();
  return <FilterBar />;
}

const period = () => screen.getByRole("combobox", { name: "Period" }) as HTMLSelectElement;
const radio = (name: string) => screen.getByRole("radio", { name }) as HTMLInputElement;

/** Waits until the as-of date is in (the presets need it). */
async function renderBar() {
  render(<Shell />);
  await screen.findByRole("option", { name: "This month" });
  await vi.waitFor(() =>
    expect(screen.getByRole("option", { name: "This month" })).toHaveProperty("disabled", false),
  );
}

describe("the Count control", () => {
  it("says both ways count the same without a period, and offers no choice", async () => {
    await renderBar();
    expect(screen.getByText("Same either way (no period)")).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
    expect(document.documentElement.dataset.count).toBe("cohort");
  });

  it("switches to In period when a period preset is chosen, explaining each way", async () => {
    const user = userEvent.setup();
    await renderBar();
    await user.selectOptions(period(), "this_month");
    expect(useAppStore.getState().filters).toMatchObject({ from: "2026-06-01", to: "2026-06-30" });
    expect(useAppStore.getState().count).toBe("period");
    expect(radio("In period").checked).toBe(true);
    expect(radio("Cohort").checked).toBe(false);
    expect(screen.getByRole("group", { name: "Count" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Cohort", description: COUNT_EXPLAINED.cohort })).toBeTruthy();
    expect(
      screen.getByRole("radio", { name: "In period", description: COUNT_EXPLAINED.period }),
    ).toBeTruthy();
    expect(radio("In period").closest("label")?.title).toBe(COUNT_EXPLAINED.period);
    expect(document.documentElement.dataset.count).toBe("period");
  });

  it("is chosen with the keyboard, remembered, and kept when another preset is chosen", async () => {
    const user = userEvent.setup();
    await renderBar();
    await user.selectOptions(period(), "last_month");
    radio("In period").focus();
    await user.keyboard("{ArrowLeft}");
    expect(radio("Cohort").checked).toBe(true);
    expect(useAppStore.getState()).toMatchObject({ count: "cohort", countChoice: "cohort" });
    expect(document.documentElement.dataset.count).toBe("cohort");
    // Remembered in this browser with the other settings.
    expect(localStorage.getItem("funnel-lens:settings:countChoice")).toBe('"cohort"');
    await user.selectOptions(period(), "this_quarter");
    expect(useAppStore.getState().count).toBe("cohort");
    expect(radio("Cohort").checked).toBe(true);
  });

  it("keeps a way of counting set by a link until the user chooses", async () => {
    await renderBar();
    act(() => {
      useAppStore.setState({
        filters: { ...NO_FILTERS, from: "2026-01-01", to: "2026-03-31" },
        count: "period",
      });
    });
    expect(radio("In period").checked).toBe(true);
    expect(document.documentElement.dataset.count).toBe("period");
    expect(useAppStore.getState().countChoice).toBeNull();
  });
});
