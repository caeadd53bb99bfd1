// @vitest-environment jsdom
// Company sizes written as head counts: the menu offers the routing's bands with their leads (faceted
// once a filter is set), choosing one filters by the band, and the bands follow the routing settings.

import { act, fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SegmentCounts, SegmentOptions } from "../../src/metrics/segments";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import { type FunnelFilters, NO_FILTERS } from "../../src/model/filters";
import { useAppStore } from "../../src/store";
import { FilterBar } from "../../src/views/Filters/FilterBar";

// 5, 25, 40 (0–199) · 250, 999 (200–999) · 1000, 2,500 (1,000+) · unknown · (none).
const OPTIONS: SegmentOptions = {
  campaign: [],
  channel: [
    { value: "EMAIL", leads: 5 },
    { value: "PAID_SOCIAL", leads: 4 },
  ],
  team: [],
  region: [],
  company_size: [
    { value: "25", leads: 1 },
    { value: "5", leads: 1 },
    { value: "40", leads: 1 },
    { value: "250", leads: 1 },
    { value: "999", leads: 1 },
    { value: "1000", leads: 1 },
    { value: "2,500", leads: 1 },
    { value: "unknown", leads: 1 },
    { value: "(none)", leads: 1 },
  ],
  industry: [],
};

// Under channel = EMAIL: 40, 1000, 2,500, unknown, (none).
const COUNTS: SegmentCounts = {
  campaign: {},
  channel: { EMAIL: 5, PAID_SOCIAL: 4 },
  team: {},
  region: {},
  company_size: { "40": 1, "1000": 1, "2,500": 1, unknown: 1, "(none)": 1 },
  industry: {},
};

vi.mock("../../src/queries/engine", () => ({ appEngine: async () => ({}) }));
vi.mock("../../src/metrics/segments", () => ({
  segmentOptionsMetric: { id: "segment-options", uses: [], run: async () => OPTIONS },
  segmentCountsMetric: {
    id: "segment-counts",
    uses: ["filters"],
    // The EMAIL counts while channel = EMAIL is chosen; otherwise every lead (no other filter narrows).
    run: async (_engine: unknown, ctx: { filters: FunnelFilters }) =>
      ctx.filters.segments.channel?.includes("EMAIL")
        ? COUNTS
        : Object.fromEntries(
            Object.entries(OPTIONS).map(([d, values]) => [
              d,
              Object.fromEntries(values.map((v) => [v.value, v.leads])),
            ]),
          ),
  },
  asOfMetric: { id: "as-of", uses: [], run: async () => "2026-06-30" },
}));

const ROUTING = [
  { minEmployees: 1000, team: "Enterprise" },
  { minEmployees: 200, team: "Regional" },
  { minEmployees: 0, team: "Inside Sales" },
];

const initialState = useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(
    {
      ...initialState,
      dataset: { label: "sample", identity: "sample", restoring: false },
      alignment: { ...DEFAULT_ALIGNMENT, routing: ROUTING },
    },
    true,
  );
});

const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);

async function sizeMenu(): Promise<HTMLSelectElement> {
  if (!screen.queryByRole("combobox", { name: "Company size" }))
    fireEvent.click(await screen.findByRole("button", { name: /More filters/ }));
  return (await screen.findByRole("combobox", { name: "Company size" })) as HTMLSelectElement;
}

describe("the company-size menu of a head-count workspace", () => {
  it("offers the routing's bands with their leads, then the values that are not head counts", async () => {
    render(<FilterBar />);
    const menu = await sizeMenu();
    expect(optionTexts(menu)).toEqual([
      "All",
      "0–199 (Inside Sales) (3)",
      "200–999 (Regional) (2)",
      "1,000+ (Enterprise) (2)",
      "Unknown (1)",
      "(none) (1)",
    ]);
    const enterprise = [...menu.options].find((o) => o.value === "1000+ employees");
    expect(enterprise?.title).toBe("Companies with 1,000 or more employees, routed to Enterprise");
  });

  it("filters by the chosen band and counts the bands under the other filters", async () => {
    render(<FilterBar />);
    const menu = await sizeMenu();
    fireEvent.change(menu, { target: { value: "200-999 employees" } });
    expect(useAppStore.getState().filters.segments.company_size).toEqual(["200-999 employees"]);
    act(() => {
      useAppStore.getState().setFilters({
        ...useAppStore.getState().filters,
        segments: { ...useAppStore.getState().filters.segments, channel: ["EMAIL"] },
      });
    });
    await screen.findByText("0–199 (Inside Sales) (1)");
    expect(optionTexts(menu)).toEqual([
      "All",
      "0–199 (Inside Sales) (1)",
      "200–999 (Regional) (0)",
      "1,000+ (Enterprise) (2)",
      "Unknown (1)",
      "(none) (1)",
    ]);
    expect(menu.selectedOptions[0]?.textContent).toBe("200–999 (Regional) (0)");
    expect(menu.title).toMatch(/Companies with 200 to 999 employees, routed to Regional$/);
  });

  it("follows the routing settings when they change, naming a chosen band they no longer have", async () => {
    useAppStore.setState({ filters: { ...NO_FILTERS, segments: { company_size: ["200-999 employees"] } } });
    render(<FilterBar />);
    const menu = await sizeMenu();
    expect(menu.selectedOptions[0]?.textContent).toBe("200–999 (Regional) (2)");
    act(() => {
      useAppStore.getState().setAlignment({
        ...DEFAULT_ALIGNMENT,
        routing: [
          { minEmployees: 1000, team: "Enterprise" },
          { minEmployees: 100, team: "Regional" },
          { minEmployees: 0, team: "Inside Sales" },
        ],
      });
    });
    expect(optionTexts(menu)).toContain("100–999 (Regional) (2)");
    expect(optionTexts(menu)).toContain("0–99 (Inside Sales) (3)");
    expect(menu.selectedOptions[0]?.textContent).toBe(
      "200–999 employees — not a band of the routing settings",
    );
  });
});
