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
// Under any filter (faceted): the campaign menu as if one channel were chosen.
const COUNTS = {
  campaign: { Webinars: 148 },
  channel: { Email: 309, Events: 235, Webinars: 148 },
  team: {},
  region: { EMEA: 148 },
  company_size: {},
  industry: {},
};

vi.mock("../../src/metrics/segments", () => ({
  segmentOptionsMetric: { id: "segment-options", uses: [], run: async () => OPTIONS },
  segmentCountsMetric: { id: "segment-counts", uses: ["filters"], run: async () => COUNTS },
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

  it("counts each menu's values under the other filters once a filter is set", async () => {
    render(<FilterBar />);
    await screen.findByRole("combobox", { name: "Campaign" });
    expect(shownText(select("Campaign"))).toBe("All");
    expect([...select("Campaign").options].map((o) => o.textContent)).toEqual([
      "All",
      "Webinars (148)",
      "Email (309)",
    ]);
    fireEvent.change(select("Channel"), { target: { value: "Webinars" } });
    await vi.waitFor(() =>
      expect([...select("Campaign").options].map((o) => o.textContent)).toEqual([
        "All",
        "Webinars (148)",
        "Email (0)",
      ]),
    );
    expect(select("Campaign").title).toBe("Leads under the other filters");
  });

  it("keeps the rarely used filters behind More filters, saying how many are set", async () => {
    render(<FilterBar />);
    const more = await screen.findByRole("button", { name: "More filters" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    const window = () => screen.queryByRole("spinbutton", { name: "Conversion window (days)" });
    expect(window()).toBeNull();
    fireEvent.click(more);
    expect(window()).toBeTruthy();
    act(() => {
      fireEvent.change(screen.getByRole("spinbutton", { name: "Conversion window (days)" }), {
        target: { value: "30" },
      });
    });
    fireEvent.click(screen.getByRole("button", { name: "Fewer filters" }));
    expect(screen.getByRole("button", { name: "More filters (1 set)" })).toBeTruthy();
    expect(window()).toBeNull();
  });

  it("keeps the conversion window within 1–3,650 decimal days", async () => {
    render(<FilterBar />);
    fireEvent.click(await screen.findByRole("button", { name: "More filters" }));
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
