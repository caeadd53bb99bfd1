// @vitest-environment jsdom
// Enum-coded category values (PAID_SOCIAL, COMPUTER_SOFTWARE) read tidied on the campaign table, the
// campaign charts and the filter menus; the stored value stays in the tooltip, the CSV cell, the filter.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SegmentOptions } from "../../src/metrics/segments";
import type { CampaignReport } from "../../src/model/campaigns";
import { NO_FILTERS } from "../../src/model/filters";
import { useAppStore } from "../../src/store";
import { cellValue } from "../../src/ui/tableCsv";
import { VolumeYieldChart, YieldChart, yieldChartTitle } from "../../src/views/Campaigns/CampaignCharts";
import { CampaignTable } from "../../src/views/Campaigns/CampaignTable";
import { FilterBar } from "../../src/views/Filters/FilterBar";
import { campaignReport, campaignRow } from "../support/campaigns";

const OPTIONS: SegmentOptions = {
  campaign: [
    { value: "Webinar Series", leads: 120 },
    { value: "Q1 ABM - EMEA", leads: 80 },
  ],
  channel: [
    { value: "PAID_SOCIAL", leads: 300 },
    { value: "organic_search", leads: 200 },
    { value: "EMAIL", leads: 150 },
    { value: "Email", leads: 20 },
  ],
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

// PAID_SOCIAL yields best (60 of 200); "Webinar Series" is a name and stays; EMAIL and "Email" would
// read the same, so EMAIL stays as stored.
const REPORT: CampaignReport = campaignReport(
  [
    campaignRow("PAID_SOCIAL", 200, 60),
    campaignRow("Webinar Series", 200, 40),
    campaignRow("EMAIL", 200, 20),
    campaignRow("Email", 200, 10),
  ],
  "channel",
);

const initialState = useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(
    { ...initialState, dataset: { label: "sample", identity: "sample", restoring: false } },
    true,
  );
});

describe("category values on the Campaigns screen", () => {
  it("shows an enum code tidied in the campaign table, the stored value in its tooltip", () => {
    render(
      <CampaignTable
        report={REPORT}
        rows={REPORT.rows}
        showCost={false}
        sort={{ key: "mqlYield", descending: true }}
        onSort={() => {}}
      />,
    );
    const paid = screen.getByText("Paid social");
    expect(paid.getAttribute("title")).toBe("PAID_SOCIAL");
    expect(paid.closest("tr")?.getAttribute("data-campaign")).toBe("PAID_SOCIAL");
    expect(screen.getByText("Webinar Series").getAttribute("title")).toBeNull();
    // EMAIL beside a stored "Email": both as stored, so the two rows never read the same.
    expect(screen.getByText("EMAIL").getAttribute("title")).toBeNull();
    expect(screen.getByText("Email").getAttribute("title")).toBeNull();
  });

  it("names the best channel tidied in the yield chart's title and keeps the stored name in its CSV", () => {
    expect(yieldChartTitle(REPORT)).toMatch(/^Paid social has the best MQL yield/);
    const { container } = render(<YieldChart report={REPORT} />);
    const table = container.querySelector(".chart-data table") as HTMLTableElement;
    const header = within(table).getByText("Paid social") as HTMLTableCellElement;
    expect(header.getAttribute("title")).toBe("PAID_SOCIAL");
    expect(cellValue(header)).toBe("PAID_SOCIAL");
    expect(cellValue(within(table).getByText("Webinar Series") as HTMLTableCellElement)).toBe(
      "Webinar Series",
    );
  });

  it("lists the volume chart's channels tidied with the stored names in its CSV", () => {
    const { container } = render(<VolumeYieldChart report={REPORT} />);
    const table = container.querySelector(".chart-data table") as HTMLTableElement;
    const header = within(table).getByText("Paid social") as HTMLTableCellElement;
    expect(cellValue(header)).toBe("PAID_SOCIAL");
  });
});

describe("category values in the filter menus", () => {
  it("offers enum codes tidied with the stored value as the option's value and tooltip", async () => {
    useAppStore.setState({ filters: NO_FILTERS });
    render(<FilterBar />);
    const channel = (await screen.findByRole("combobox", { name: "Channel" })) as HTMLSelectElement;
    const texts = [...channel.options].map((o) => o.textContent);
    expect(texts).toEqual(["All", "Paid social (300)", "Organic search (200)", "EMAIL (150)", "Email (20)"]);
    const paid = [...channel.options].find((o) => o.textContent === "Paid social (300)");
    expect(paid?.value).toBe("PAID_SOCIAL");
    expect(paid?.title).toBe("PAID_SOCIAL");
    // Names are left as they are.
    const campaign = screen.getByRole("combobox", { name: "Campaign" }) as HTMLSelectElement;
    expect([...campaign.options].map((o) => o.textContent)).toContain("Q1 ABM - EMEA (80)");
    // Choosing filters by the stored value, and the select's tooltip names it.
    fireEvent.change(channel, { target: { value: "organic_search" } });
    expect(useAppStore.getState().filters.segments.channel).toEqual(["organic_search"]);
    expect(channel.title).toMatch(/stored as organic_search$/);
  });
});
