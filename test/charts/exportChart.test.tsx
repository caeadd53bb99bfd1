// @vitest-environment jsdom
// Tests for chart exports: a self-contained SVG (inlined styles, no var()), file names, and the CSV rows.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChartFrame } from "../../src/charts/ChartFrame";
import { chartFileName, opaqueBackground, serializeChartSvg } from "../../src/charts/exportChart";
import { useAppStore } from "../../src/store";

const SVG_NS = "http://www.w3.org/2000/svg";

/** A small chart as the page draws it: a class-styled bar, a themed label, a stylesheet and a var(). */
function drawChart(): SVGSVGElement {
  const style = document.createElement("style");
  style.textContent = ".bar { fill: #abcdef; stroke-width: 3px; } .label { font-size: 14px; }";
  document.head.append(style);
  document.body.style.backgroundColor = "rgb(13, 17, 23)";
  document.body.innerHTML = `
    <svg xmlns="${SVG_NS}" class="recharts-surface" width="200" height="100" style="fill: var(--chart-ink)">
      <g fill="var(--chart-ink)">
        <rect class="bar" width="50" height="20" stroke="var(--chart-grid)" />
        <text class="label" x="4" y="40">MQL → SQL</text>
      </g>
      <foreignObject width="10" height="10"><div>html</div></foreignObject>
    </svg>`;
  const svg = document.querySelector("svg");
  if (!(svg instanceof SVGSVGElement)) throw new Error("no svg drawn");
  return svg;
}

function parse(text: string): Document {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(parsed.querySelector("parsererror")).toBeNull();
  return parsed;
}

describe("serializeChartSvg", () => {
  afterEach(() => {
    document.head.innerHTML = "";
    document.body.removeAttribute("style");
  });

  it("writes stylesheet styles onto the elements and leaves no var() behind", () => {
    const svg = drawChart();
    const text = serializeChartSvg(svg, { title: "MQL → SQL is 27.7 %", background: "rgb(22, 27, 34)" });
    expect(text).not.toContain("var(");
    const file = parse(text);
    const root = file.documentElement;
    expect(root.localName).toBe("svg");
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute("width")).toBe("200");
    expect(root.getAttribute("height")).toBe("100");
    expect(root.getAttribute("viewBox")).toBe("0 0 200 100");
    expect(root.querySelector("title")?.textContent).toBe("MQL → SQL is 27.7 %");
    const bar = root.querySelector("rect.bar");
    expect(bar?.getAttribute("fill")).toBe("rgb(171, 205, 239)");
    expect(bar?.getAttribute("stroke-width")).toBe("3px");
    expect(root.querySelector("text.label")?.getAttribute("font-size")).toBe("14px");
    // Painted behind the chart so light ink from a dark theme stays readable on a white slide.
    expect(root.querySelector(":scope > rect")?.getAttribute("fill")).toBe("rgb(22, 27, 34)");
    expect(root.querySelector("foreignObject")).toBeNull();
    // The page's own SVG is left as it was.
    expect(svg.querySelector("rect.bar")?.getAttribute("stroke")).toBe("var(--chart-grid)");
  });

  it("writes the context lines below the chart and grows the picture (and its viewBox) to hold them", () => {
    const svg = drawChart();
    const footer = ["Data: Sample data (3,000 leads)", "Filters: Team: Enterprise", "As of: 30 Jun 2026"];
    const root = parse(serializeChartSvg(svg, { title: "t", background: "#fff", footer })).documentElement;
    const lines = [...root.querySelectorAll("g.output-footer text")];
    expect(lines.map((t) => t.textContent)).toEqual(footer);
    // 100 px of chart, then 8 px, three 16 px lines and 8 px: every line lies below the chart, inside the picture.
    expect(root.getAttribute("height")).toBe("164");
    expect(root.getAttribute("viewBox")).toBe("0 0 200 164");
    for (const line of lines) {
      const y = Number(line.getAttribute("y"));
      expect(y).toBeGreaterThan(100);
      expect(y).toBeLessThanOrEqual(164);
    }
    // The footer carries its own ink, like every label in the file.
    expect(root.querySelector("g.output-footer")?.getAttribute("fill")).toBeTruthy();
  });

  it("takes the first opaque background behind an element", () => {
    const svg = drawChart();
    expect(opaqueBackground(svg)).toBe("rgb(13, 17, 23)");
    expect(opaqueBackground(null)).toBe("#ffffff");
  });
});

describe("chartFileName", () => {
  it("names a chart file after its finding", () => {
    expect(chartFileName("MQL → SQL is 27.7 %", "png")).toBe("mql-to-sql-is-27-7.png");
    expect(chartFileName("", "svg")).toBe("chart.svg");
  });
});

describe("chart export menu", () => {
  const { createObjectURL, revokeObjectURL } = URL;
  const initialStore = useAppStore.getState();
  afterEach(() => {
    useAppStore.setState(initialStore, true);
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    vi.restoreAllMocks();
  });

  function captureDownloads(): { name: string; blob: Blob }[] {
    const files: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:funnel-lens/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) files.push({ name: this.download, blob });
    });
    return files;
  }

  const title = "Paid Social brings the most leads";
  function renderChart() {
    render(
      <ChartFrame
        title={title}
        width={300}
        height={120}
        plot={(width) => (
          <svg className="recharts-surface" width={width} height={120} aria-hidden="true">
            <rect width={40} height={20} fill="#0072b2" />
          </svg>
        )}
        textAlternative={
          <table>
            <thead>
              <tr>
                <th>Campaign</th>
                <th>Leads</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{'=HYPERLINK("http://evil.example","click")'}</th>
                <td>1,204</td>
              </tr>
            </tbody>
          </table>
        }
      />,
    );
  }

  it("offers PNG, SVG and CSV in the caption, named after the chart", () => {
    renderChart();
    const caption = screen.getByRole("figure", { name: title }).querySelector("figcaption");
    if (!(caption instanceof HTMLElement)) throw new Error("no caption");
    for (const format of ["PNG", "SVG", "CSV"]) {
      const button = within(caption).getByRole("button", { name: `Download ${title} as ${format}` });
      expect(button.textContent).toBe(format);
      expect(button.closest(".no-print")).not.toBeNull();
    }
  });

  it("saves the text-alternative table as a formula-safe CSV, the view's context in leading columns", async () => {
    const files = captureDownloads();
    // No data is loaded in this test, so the as-of day is unknown; the label and filters are the store's.
    useAppStore.setState({ filters: { segments: { team: ["Enterprise"] }, from: null, to: null } });
    renderChart();
    await userEvent.click(screen.getByRole("button", { name: `Download ${title} as CSV` }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files.map((f) => f.name)).toEqual(["paid-social-brings-the-most-leads.csv"]);
    const about =
      "nothing loaded,Team: Enterprise,all time,Cohort (leads grouped by the day they became a lead)," +
      "none (every later conversion counts),not stated in the data (plain numbers),unknown";
    expect(await files[0]?.blob.text()).toBe(
      "about_data,about_filters,about_period,about_counting,about_conversion_window,about_amounts_in,about_as_of,Campaign,Leads\r\n" +
        `${about},"'=HYPERLINK(""http://evil.example"",""click"")",1204\r\n`,
    );
  });

  it("saves the drawn chart as a standalone SVG file", async () => {
    const files = captureDownloads();
    renderChart();
    await userEvent.click(screen.getByRole("button", { name: `Download ${title} as SVG` }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files.map((f) => f.name)).toEqual(["paid-social-brings-the-most-leads.svg"]);
    expect(files[0]?.blob.type).toBe("image/svg+xml;charset=utf-8");
    const file = parse((await files[0]?.blob.text()) ?? "");
    expect(file.documentElement.getAttribute("width")).toBe("300");
    expect(file.documentElement.getAttribute("aria-hidden")).toBeNull();
    expect(file.querySelector("title")?.textContent).toBe(title);
    // The background and the bar; jsdom computes no style from presentation attributes, so only count.
    expect(file.querySelectorAll("rect")).toHaveLength(2);
    // The context footer is in the file, below the chart.
    expect([...file.querySelectorAll("g.output-footer text")].map((t) => t.textContent)).toContain(
      "Filters: none (all leads)",
    );
  });
});
