// Chart exports for results-review meetings: file names, a self-contained SVG, a 2× PNG and the CSV rows.

import type { CsvCell } from "../model/csv";
import { fileNameFromTitle } from "../ui/fileName";
import { OUTPUT_FOOTER_CLASS, outputFooterElement } from "../ui/OutputFooter";
import { tableRows } from "../ui/tableCsv";

export type ChartExportFormat = "png" | "svg" | "csv";

const SVG_NS = "http://www.w3.org/2000/svg";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Marks what the PNG leaves out: the export buttons themselves. */
export const EXPORT_EXCLUDED_CLASS = "chart-export";

/** "MQL → SQL is 27.7 %" → "mql-to-sql-is-27-7.png". */
export function chartFileName(title: string, format: ChartExportFormat): string {
  return fileNameFromTitle(title, format, "chart");
}

/**
 * Properties every SVG viewer inherits from the parent: written on an element only where its value
 * differs from its parent's, or where the element set it itself (so a `var(…)` attribute is replaced).
 */
const INHERITED_PROPERTIES = [
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-opacity",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "letter-spacing",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

/** Properties that do not inherit, with their initial value: written only where they differ from it. */
const OWN_PROPERTIES: Record<string, string> = {
  opacity: "1",
  display: "inline",
  "alignment-baseline": "auto",
  "stop-color": "rgb(0, 0, 0)",
  "stop-opacity": "1",
};

/** Elements that could fetch something, run, or need an HTML renderer: left out of the exported file. */
const DROPPED_ELEMENTS = new Set(["foreignObject", "image", "script", "style"]);

const usable = (value: string) => value !== "" && !value.includes("var(");

function copyComputedStyle(source: Element, clone: Element, isRoot: boolean): void {
  const view = source.ownerDocument.defaultView;
  if (!view) return;
  const own = view.getComputedStyle(source);
  const parent = source.parentElement ? view.getComputedStyle(source.parentElement) : null;
  // The inline style may hold `var(…)`; the computed values below replace all of it.
  clone.removeAttribute("style");
  for (const property of INHERITED_PROPERTIES) {
    const value = own.getPropertyValue(property).trim();
    const setHere = source.hasAttribute(property);
    if (!usable(value)) {
      if (setHere) clone.removeAttribute(property);
    } else if (isRoot || setHere || value !== parent?.getPropertyValue(property).trim()) {
      clone.setAttribute(property, value);
    }
  }
  for (const [property, initial] of Object.entries(OWN_PROPERTIES)) {
    const value = own.getPropertyValue(property).trim();
    if (usable(value) && value !== initial) clone.setAttribute(property, value);
    else if (source.hasAttribute(property)) clone.removeAttribute(property);
  }
  // Anything else still pointing at a custom property (colour, marker…) cannot be resolved offline.
  for (const attribute of [...clone.attributes]) {
    if (attribute.value.includes("var(")) clone.removeAttribute(attribute.name);
  }
}

/** Walks the source and its clone side by side (a deep clone has the same shape). */
function inlineStyles(source: Element, clone: Element, isRoot: boolean): void {
  copyComputedStyle(source, clone, isRoot);
  const sourceChildren = [...source.children];
  const cloneChildren = [...clone.children];
  sourceChildren.forEach((child, index) => {
    const clonedChild = cloneChildren[index];
    if (!clonedChild) return;
    if (DROPPED_ELEMENTS.has(child.localName)) clonedChild.remove();
    else inlineStyles(child, clonedChild, false);
  });
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  document: Document,
  name: K,
): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG_NS, name);
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const attribute = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? "");
  const width = Number.isFinite(attribute("width")) ? attribute("width") : Math.round(rect.width);
  const height = Number.isFinite(attribute("height")) ? attribute("height") : Math.round(rect.height);
  return { width, height };
}

/**
 * Recharts draws legends as HTML next to the SVG; in the file they become SVG text and icons at the
 * same place, so the exported chart keeps its key.
 */
function appendLegends(plot: ParentNode, svg: SVGSVGElement, clone: SVGSVGElement): void {
  const view = svg.ownerDocument.defaultView;
  if (!view) return;
  const origin = svg.getBoundingClientRect();
  for (const item of plot.querySelectorAll(".recharts-legend-item")) {
    const group = svgElement(svg.ownerDocument, "g");
    group.setAttribute("class", "legend-item");
    const icon = item.querySelector("svg");
    if (icon) {
      const rect = icon.getBoundingClientRect();
      const iconClone = icon.cloneNode(true) as SVGSVGElement;
      inlineStyles(icon, iconClone, true);
      iconClone.setAttribute("x", String(rect.left - origin.left));
      iconClone.setAttribute("y", String(rect.top - origin.top));
      group.append(iconClone);
    }
    const label = item.querySelector(".recharts-legend-item-text");
    if (label?.textContent) {
      const rect = label.getBoundingClientRect();
      const style = view.getComputedStyle(label);
      const text = svgElement(svg.ownerDocument, "text");
      text.setAttribute("x", String(rect.left - origin.left));
      text.setAttribute("y", String(rect.top - origin.top + rect.height / 2));
      text.setAttribute("dominant-baseline", "central");
      for (const [attribute, value] of [
        ["fill", style.color],
        ["font-family", style.fontFamily],
        ["font-size", style.fontSize],
        ["font-weight", style.fontWeight],
      ] as const) {
        if (usable(value)) text.setAttribute(attribute, value);
      }
      text.textContent = label.textContent;
      group.append(text);
    }
    clone.append(group);
  }
}

export interface SvgExportOptions {
  /** The chart's title, written as the file's <title>. */
  title: string;
  /** An opaque colour painted behind the chart, so light ink stays readable on any slide. */
  background: string;
  /** The element around the SVG that may hold an HTML legend. */
  plot?: ParentNode;
  /** The output context (model/outputContext), one line each, written below the chart. */
  footer?: readonly string[];
}

/** Footer text size and line height in the SVG file, in its own pixels. */
const FOOTER_FONT_SIZE = 12;
const FOOTER_LINE_HEIGHT = 16;

/**
 * The context lines as SVG text under the chart: the picture grows by their height (and its viewBox with
 * it), so the footer never covers the chart. Ink and font are the chart's own.
 */
function appendFooter(svg: SVGSVGElement, clone: SVGSVGElement, lines: readonly string[], height: number) {
  if (lines.length === 0) return height;
  const style = svg.ownerDocument.defaultView?.getComputedStyle(svg.parentElement ?? svg);
  const group = svgElement(svg.ownerDocument, "g");
  group.setAttribute("class", OUTPUT_FOOTER_CLASS);
  group.setAttribute("font-size", String(FOOTER_FONT_SIZE));
  const ink = style?.color ?? "";
  group.setAttribute("fill", usable(ink) ? ink : "#1a1a1a");
  const font = style?.fontFamily ?? "";
  if (usable(font)) group.setAttribute("font-family", font);
  lines.forEach((line, i) => {
    const text = svgElement(svg.ownerDocument, "text");
    text.setAttribute("x", "8");
    text.setAttribute("y", String(height + 8 + FOOTER_LINE_HEIGHT * (i + 1) - 4));
    text.textContent = line;
    group.append(text);
  });
  clone.append(group);
  return height + 8 + FOOTER_LINE_HEIGHT * lines.length + 8;
}

/**
 * A standalone SVG file of a drawn chart: every presentation style it gets from stylesheets and CSS
 * custom properties is written on its elements, so it needs no stylesheet, no `var(…)` and no network.
 */
export function serializeChartSvg(svg: SVGSVGElement, options: SvgExportOptions): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, true);
  const { width, height: chartHeight } = sizeOf(svg);
  clone.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
  if (options.plot) appendLegends(options.plot, svg, clone);
  const height = appendFooter(svg, clone, options.footer ?? [], chartHeight);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  // The footer extends the picture below the chart's own box.
  const box = clone
    .getAttribute("viewBox")
    ?.split(/[\s,]+/)
    .map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite) && chartHeight > 0 && height !== chartHeight) {
    const [x, y, w, h] = box as [number, number, number, number];
    clone.setAttribute("viewBox", `${x} ${y} ${w} ${h + ((height - chartHeight) * h) / chartHeight}`);
  } else if (!box) clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  // On the page the chart is a keyboard-focusable Recharts surface; in a file it is a picture.
  clone.setAttribute("role", "img");
  clone.removeAttribute("tabindex");
  clone.removeAttribute("aria-hidden");

  const title = svgElement(svg.ownerDocument, "title");
  title.textContent = options.title;
  const background = svgElement(svg.ownerDocument, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", options.background);
  clone.prepend(title, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/**
 * The first fully opaque background behind an element (itself included), or white. Browsers report
 * an opaque colour as rgb(…) and anything see-through as rgba(…) or "transparent".
 */
export function opaqueBackground(element: Element | null): string {
  for (let current = element; current; current = current.parentElement) {
    const color = current.ownerDocument.defaultView?.getComputedStyle(current).backgroundColor ?? "";
    if (color !== "" && color !== "transparent" && !color.startsWith("rgba(")) return color;
  }
  return "#ffffff";
}

/** The chart's drawn SVG inside its frame (Recharts' surface or a hand-drawn plot, not a legend icon). */
export function chartSvg(figure: Element): SVGSVGElement | null {
  const surfaces = figure.querySelectorAll<SVGSVGElement>(
    ".chart-plot svg.recharts-surface, .chart-plot svg.chart-surface",
  );
  return [...surfaces].find((svg) => !svg.closest(".recharts-legend-wrapper")) ?? null;
}

export function chartSvgText(figure: Element, title: string, footer: readonly string[] = []): string | null {
  const svg = chartSvg(figure);
  if (!svg) return null;
  const plot = figure.querySelector(".chart-plot") ?? undefined;
  return serializeChartSvg(svg, { title, background: opaqueBackground(svg.parentElement), plot, footer });
}

/** The rows of the chart's text-alternative table: the numbers behind the chart. */
export function chartCsvRows(figure: Element): CsvCell[][] {
  const table = figure.querySelector<HTMLTableElement>(".chart-data table");
  return table ? tableRows(table) : [];
}

/**
 * The height the PNG covers: title, plot and notes, down to the last element before the text
 * alternative, plus the frame's own bottom padding and border. The table toggle stays out.
 */
export function pngCaptureHeight(figure: HTMLElement): number {
  const frame = figure.getBoundingClientRect();
  const details = figure.querySelector(":scope > details");
  const last = details?.previousElementSibling;
  if (!last) return Math.ceil(frame.height);
  const style = getComputedStyle(figure);
  const padding = Number.parseFloat(style.paddingBottom) || 0;
  const border = Number.parseFloat(style.borderBottomWidth) || 0;
  return Math.ceil(last.getBoundingClientRect().bottom - frame.top + padding + border);
}

/**
 * The chart frame as a PNG at twice its on-screen size, on its own opaque background (light or dark).
 * The context footer is placed in the frame, after its notes, for the capture only: the picture's height
 * (pngCaptureHeight) then runs to the footer's end.
 */
export async function chartPngBlob(figure: HTMLElement, footer: readonly string[] = []): Promise<Blob> {
  // Loaded on the first PNG export, not with the first dashboard.
  const { toBlob } = await import("html-to-image");
  const footerElement = footer.length > 0 ? outputFooterElement(figure.ownerDocument, footer) : null;
  if (footerElement) figure.insertBefore(footerElement, figure.querySelector(":scope > details"));
  try {
    return await framePng(toBlob, figure);
  } finally {
    footerElement?.remove();
  }
}

async function framePng(toBlob: typeof import("html-to-image").toBlob, figure: HTMLElement): Promise<Blob> {
  const blob = await toBlob(figure, {
    pixelRatio: 2,
    height: pngCaptureHeight(figure),
    // html-to-image paints this on the frame itself, so it is the frame's own (theme) surface colour.
    backgroundColor: opaqueBackground(figure),
    // System fonts only: nothing to embed, and nothing may be fetched.
    skipFonts: true,
    // Leaves out the export buttons and the frame's own text-alternative toggle (see pngCaptureHeight).
    filter: (node) =>
      !(node instanceof Element) ||
      !(
        node.classList.contains(EXPORT_EXCLUDED_CLASS) ||
        (node.parentElement === figure && node.localName === "details")
      ),
  });
  if (!blob) throw new Error("the browser could not draw the chart as an image");
  return blob;
}
