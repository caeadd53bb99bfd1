// @vitest-environment jsdom
// The shared filters show what a link chose (issue 16): several values of one filter as several, a value
// the data does not hold as such, and the conversion window and cohort days within the controls' bounds.

import { act, fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SegmentOptions } from "../../src/metrics/segments";
import { NO_FILTERS } from "../../src/model/filters";
import { useAppStore } from "../../src/store";
import { chosenOption, FilterBar } from "../../src/views/Filters/FilterBar";

const OPTIONS: SegmentOptions = {
  campaign: [
    { value: "Webinars", leads: 148 },
    { value: "Email", leads: 309 },
  ],
  channel: [
    { value: "Email", leads: 309 },
    { value: "Events", leads: 235 },
    { value: "Webinars", leads: 148 },
  ],
  team: [],
  region: [{ value: "EMEA", leads: 900 }],
  company_size: [],
  industry: [],
};

vi.mock("../../src/queries/engine", () => ({ appEngine: async () => ({}) }));
vi.mock("../../src/metrics/segments", () => ({
  segmentOptionsMetric: { id: "segment-options", uses: [], run: async () => OPTIONS },
  asOfMetric: { id: "as-of", uses: [], run: async () => "2026-06-30" },
}));

const initialState = useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(
    { ...initialState, dataset: { label: "sample", identity: "sample", restoring: false } },
    true,
  );
});

function select(name: string): HTMLSelectElement {
  return screen.getByRole("combobox", { name }) as HTMLSelectElement;
}

const shownText = (el: HTMLSelectElement) => el.selectedOptions[0]?.textContent;

describe("FilterBar with a link's filters", () => {
  it("shows a value not in this data as such, and several values of one filter as several", async () => {
    useAppStore.setState({
      filters: { ...NO_FILTERS, segments: { campaign: ["NoSuchCampaign"], channel: ["Email", "Events"] } },
    });
    render(<FilterBar />);
    await screen.findByRole("combobox", { name: "Campaign" });
    expect(shownText(select("Campaign"))).toBe("NoSuchCampaign — not in this data");
    expect(shownText(select("Channel"))).toBe("Email, Events");
    // One real option replaces the lot.
    fireEvent.change(select("Channel"), { target: { value: "Webinars" } });
    expect(useAppStore.getState().filters.segments.channel).toEqual(["Webinars"]);
    expect(shownText(select("Channel"))).toBe("Webinars (148)");
  });

  it("shows a filter the link set even when the data has one value or none for it", async () => {
    useAppStore.setState({ filters: { ...NO_FILTERS, segments: { team: ["Regional"] } } });
    render(<FilterBar />);
    await screen.findByRole("combobox", { name: "Team" });
    expect(shownText(select("Team"))).toBe("Regional — not in this data");
    expect(screen.queryByRole("combobox", { name: "Region" })).toBeNull();
    fireEvent.change(select("Team"), { target: { value: "" } });
    expect(useAppStore.getState().filters.segments.team).toEqual([]);
  });

  it("keeps the conversion window within 1–3,650 decimal days", async () => {
    render(<FilterBar />);
    const window = (await screen.findByRole("spinbutton", {
      name: "Conversion window (days)",
    })) as HTMLInputElement;
    expect(window.max).toBe("3650");
    act(() => {
      fireEvent.change(window, { target: { value: "90" } });
    });
    expect(useAppStore.getState().windowDays).toBe(90);
    act(() => {
      fireEvent.change(window, { target: { value: "1000000000" } });
    });
    expect(useAppStore.getState().windowDays).toBe(90);
    act(() => {
      fireEvent.change(window, { target: { value: "" } });
    });
    expect(useAppStore.getState().windowDays).toBeNull();
  });
});

describe("chosenOption", () => {
  it("uses an option value no data value has", () => {
    const known = new Set(["*", "**", "A"]);
    expect(chosenOption(["A", "B"], known)).toEqual({
      value: "***",
      extra: { value: "***", text: "A, B — not in this data" },
    });
    expect(chosenOption(["A"], known)).toEqual({ value: "A", extra: null });
    expect(chosenOption([], known)).toEqual({ value: "", extra: null });
  });
});
