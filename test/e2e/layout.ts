// The legibility checker behind test/e2e/layout.test.ts (issue #19): measures every visible text box in
// the page and reports text over text, text crossed by a whisker or a line, text outside its SVG or its
// card, a page wider than the window, and text (or a Sankey ribbon) below WCAG AA contrast, computed from
// the colours the browser rendered. Runs inside the page; what it returns is plain data.

import type { Page } from "playwright-core";
import { hubspotDealsExport } from "./hubspotDeals";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ProblemKind = "overlap" | "crossed" | "clipped" | "overflow" | "contrast";

export interface LayoutProblem {
  kind: ProblemKind;
  /** The chart's title, or the nearest heading or landmark: where on the screen to look. */
  where: string;
  /** The texts involved (one, or two for an overlap). */
  texts: string[];
  /** Boxes, colours and ratios: enough to see the fix. */
  detail: string;
}

/**
 * Measures the page as it is drawn now, the texts inside `scope` (a selector: the deck's slide, say).
 * Pure DOM in the page: no app code is imported, so it checks what a reader sees, whatever drew it.
 */
export function measureLayout(page: Page, scope = "body"): Promise<LayoutProblem[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope) ?? document.body;
    type Rgba = [number, number, number, number];
    interface Rect {
      x: number;
      y: number;
      w: number;
      h: number;
    }
    interface Item {
      el: Element;
      text: string;
      rects: Rect[];
      svg: SVGSVGElement | null;
      where: string;
    }
    const problems: {
      kind: "overlap" | "crossed" | "clipped" | "overflow" | "contrast";
      where: string;
      texts: string[];
      detail: string;
    }[] = [];
    const round = (n: number) => Math.round(n);
    const boxText = (r: Rect) => `(${round(r.x)},${round(r.y)} ${round(r.w)}×${round(r.h)})`;
    const short = (s: string) => {
      const one = s.replace(/\s+/g, " ").trim();
      return one.length > 70 ? `${one.slice(0, 67)}…` : one;
    };
    const toRect = (r: DOMRect): Rect => ({ x: r.left, y: r.top, w: r.width, h: r.height });

    // Where a text sits, in words: the chart's title, else the nearest section heading or landmark.
    const whereOf = (el: Element): string => {
      const chart = el.closest("figure.chart");
      const title = chart?.querySelector(".chart-title")?.textContent;
      if (title) return `chart "${short(title)}"`;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const heading = e.matches("section, details, form, article, aside, header, nav")
          ? e.querySelector("h1, h2, h3, h4, summary, legend")
          : null;
        if (heading?.textContent) return `${e.tagName.toLowerCase()} "${short(heading.textContent)}"`;
        if (e.classList.length > 0 && e !== el && e.tagName !== "DIV" && e.tagName !== "SPAN")
          return `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`;
      }
      return el.tagName.toLowerCase();
    };

    // Invisible to a reader: not drawn, transparent, a screen-reader-only label, a tooltip shown only on
    // hover, a decorative glyph hidden from assistive technology outside a chart (a chart's SVG is
    // aria-hidden because its table repeats it, and is checked).
    const styleCache = new Map<Element, CSSStyleDeclaration>();
    const style = (e: Element) => {
      let s = styleCache.get(e);
      if (!s) {
        s = getComputedStyle(e);
        styleCache.set(e, s);
      }
      return s;
    };
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el, child: Element | null = null; e; child = e, e = e.parentElement) {
        // A closed <details> keeps its content laid out (content-visibility) but shows only its summary.
        if (e instanceof HTMLDetailsElement && !e.open && child?.tagName !== "SUMMARY") return true;
        const s = style(e);
        if (s.display === "none" || s.visibility === "hidden" || s.visibility === "collapse") return true;
        if (Number(s.opacity) === 0) return true;
        if (e.matches('.visually-hidden, .sr-only, [role="tooltip"], .recharts-tooltip-wrapper')) return true;
        // Visually hidden by style rather than by class (clipped to nothing, or a 1 px box that hides
        // its overflow): kept for screen readers, never drawn.
        if (s.clipPath === "inset(50%)" || /^rect\((0|1)px,? (0|1)px,? (0|1)px,? (0|1)px\)$/.test(s.clip))
          return true;
        if (s.overflow === "hidden" && Number.parseFloat(s.width) <= 1 && Number.parseFloat(s.height) <= 1)
          return true;
        if (e.getAttribute("aria-hidden") === "true" && !e.closest("figure.chart, svg")) return true;
      }
      return false;
    };

    const items: Item[] = [];
    const outerSvg = (el: Element): SVGSVGElement | null => {
      let found: SVGSVGElement | null = null;
      for (let e: Element | null = el; e; e = e.parentElement) if (e instanceof SVGSVGElement) found = e;
      return found;
    };
    const visibleRects = (list: Iterable<DOMRect>) =>
      [...list].map(toRect).filter((r) => r.w > 0.5 && r.h > 0.5);

    // SVG text: one box per line (a <tspan> is part of its <text>, never a second text).
    for (const text of root.querySelectorAll("svg text")) {
      // A <title> inside the text is its tooltip, not drawn text.
      const content = [...text.childNodes]
        .filter((n) => !(n instanceof SVGTitleElement))
        .map((n) => n.textContent ?? "")
        .join(" ")
        .trim();
      if (content === "" || hidden(text)) continue;
      const lines = [...text.querySelectorAll("tspan")].filter((t) => t.textContent?.trim());
      const rects = visibleRects(
        lines.length > 1 ? lines.map((t) => t.getBoundingClientRect()) : [text.getBoundingClientRect()],
      );
      if (rects.length === 0) continue;
      items.push({ el: text, text: content, rects, svg: outerSvg(text), where: whereOf(text) });
    }
    // HTML text: the line boxes of an element's own text nodes (a child element's text is its own item).
    const byParent = new Map<Element, Text[]>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (
        !parent ||
        !node.textContent?.trim() ||
        parent.closest("svg, script, style, select, option, textarea")
      )
        continue;
      const list = byParent.get(parent) ?? [];
      list.push(node as Text);
      byParent.set(parent, list);
    }
    for (const [parent, nodes] of byParent) {
      if (hidden(parent)) continue;
      const rects: Rect[] = [];
      for (const node of nodes) {
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...visibleRects(range.getClientRects()));
      }
      if (rects.length === 0) continue;
      const content = nodes.map((n) => n.textContent ?? "").join("");
      items.push({ el: parent, text: content.trim(), rects, svg: null, where: whereOf(parent) });
    }

    const intersection = (a: Rect, b: Rect) => {
      const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      return { w, h };
    };
    const union = (rects: Rect[]): Rect => {
      const x = Math.min(...rects.map((r) => r.x));
      const y = Math.min(...rects.map((r) => r.y));
      const right = Math.max(...rects.map((r) => r.x + r.w));
      const bottom = Math.max(...rects.map((r) => r.y + r.h));
      return { x, y, w: right - x, h: bottom - y };
    };

    // 1. Text over text. Line boxes include the font's ascent and descent, so two lines set 1–2 px
    //    apart still touch: an overlap counts from 3 px in both directions.
    const OVERLAP = 3;
    const sorted = [...items].sort((a, b) => union(a.rects).y - union(b.rects).y);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as Item;
      const ua = union(a.rects);
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j] as Item;
        const ub = union(b.rects);
        if (ub.y > ua.y + ua.h) break;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        let hit: [Rect, Rect] | null = null;
        for (const ra of a.rects)
          for (const rb of b.rects) {
            const { w, h } = intersection(ra, rb);
            if (w >= OVERLAP && h >= OVERLAP && !hit) hit = [ra, rb];
          }
        if (hit)
          problems.push({
            kind: "overlap",
            where: a.where === b.where ? a.where : `${a.where} / ${b.where}`,
            texts: [short(a.text), short(b.text)],
            detail: `"${short(a.text)}" ${boxText(hit[0])} overlaps "${short(b.text)}" ${boxText(hit[1])}`,
          });
      }
    }

    // 2. Text crossed by a whisker, a trend line or a mark a chart declares (data-chart-mark): points
    //    sampled every 2 px along each, in page coordinates, inside a text box shrunk by 2 px.
    const marks = root.querySelectorAll<SVGGeometryElement>(
      ".recharts-errorBar line, .recharts-line-curve, [data-chart-mark]",
    );
    for (const mark of marks) {
      if (hidden(mark)) continue;
      const svg = outerSvg(mark);
      const matrix = mark.getScreenCTM();
      if (!svg || !matrix) continue;
      const length = mark.getTotalLength();
      const points: { x: number; y: number }[] = [];
      for (let at = 0; at <= length; at += 2) {
        const p = mark.getPointAtLength(at);
        points.push(new DOMPoint(p.x, p.y).matrixTransform(matrix));
      }
      for (const item of items) {
        if (item.svg !== svg) continue;
        const rect = item.rects.find((r) =>
          points.some((p) => p.x > r.x + 2 && p.x < r.x + r.w - 2 && p.y > r.y + 2 && p.y < r.y + r.h - 2),
        );
        if (rect)
          problems.push({
            kind: "crossed",
            where: item.where,
            texts: [short(item.text)],
            detail: `"${short(item.text)}" ${boxText(rect)} is crossed by a ${mark.getAttribute("data-chart-mark") ?? mark.getAttribute("class") ?? mark.tagName}`,
          });
      }
    }

    // 3. Clipped: text outside its SVG, or outside its card (the nearest box with a background of its
    //    own), or cut by an ancestor that hides overflow. Text in a scrolling box scrolls, so it stops
    //    there; text cut with an ellipsis is cut on purpose.
    const opaque = (color: string) => !/^rgba\(.*,\s*0\)$/.test(color) && color !== "transparent";
    const outside = (r: Rect, box: Rect) =>
      r.x < box.x - 1 || r.y < box.y - 1 || r.x + r.w > box.x + box.w + 1 || r.y + r.h > box.y + box.h + 1;
    for (const item of items) {
      const text = union(item.rects);
      if (item.svg) {
        const svgBox = toRect(item.svg.getBoundingClientRect());
        if (outside(text, svgBox)) {
          problems.push({
            kind: "clipped",
            where: item.where,
            texts: [short(item.text)],
            detail: `"${short(item.text)}" ${boxText(text)} runs outside its SVG ${boxText(svgBox)}`,
          });
          continue;
        }
      }
      if (style(item.el).textOverflow === "ellipsis") continue;
      for (let e = item.svg ?? item.el.parentElement; e && e !== document.body; e = e.parentElement) {
        const s = style(e);
        if (/auto|scroll/.test(s.overflowX + s.overflowY)) break;
        const clips = /hidden|clip/.test(s.overflowX + s.overflowY);
        const card = opaque(s.backgroundColor);
        if (!clips && !card) continue;
        const box = toRect(e.getBoundingClientRect());
        if (outside(text, box))
          problems.push({
            kind: "clipped",
            where: item.where,
            texts: [short(item.text)],
            detail: `"${short(item.text)}" ${boxText(text)} runs outside its ${clips ? "clipping box" : "card"} ${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${boxText(box)}`,
          });
        if (card) break;
      }
    }

    // 4. The page wider than the window: name the innermost boxes that stick out.
    const scrolling = document.scrollingElement ?? document.documentElement;
    if (scrolling.scrollWidth > window.innerWidth) {
      const sticking = [...document.body.querySelectorAll("*")].filter(
        (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !hidden(e),
      );
      const innermost = sticking.filter((e) => !sticking.some((o) => o !== e && e.contains(o)));
      problems.push({
        kind: "overflow",
        where: "page",
        texts: innermost.slice(0, 4).map((e) => short(e.textContent ?? "")),
        detail: `page is ${scrolling.scrollWidth} px wide in a ${window.innerWidth} px window; sticking out: ${innermost
          .slice(0, 4)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${short(e.textContent ?? "").slice(0, 40)}" right=${round(e.getBoundingClientRect().right)}`,
          )
          .join("; ")}`,
      });
    }

    // 5. Contrast from rendered colours: the text's colour over what is painted under it — SVG shapes
    //    drawn before it in the same SVG, then the backgrounds of its HTML ancestors.
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    const parseColor = (css: string): Rgba | null => {
      if (!canvas || !css || css === "none" || css.startsWith("url(")) return null;
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = "rgba(0,0,0,0)";
      canvas.fillStyle = css;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return [r ?? 0, g ?? 0, b ?? 0, (a ?? 0) / 255];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1,
      ];
    };
    const luminance = (c: Rgba) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const opacityOf = (el: Element) => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(style(e).opacity);
      return o;
    };
    const htmlBackground = (from: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = from; e; e = e.parentElement) {
        const c = parseColor(style(e).backgroundColor);
        if (c && c[3] > 0) {
          layers.push([c[0], c[1], c[2], c[3] * Number(style(e).opacity)]);
          if (c[3] >= 1) break;
        }
      }
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    // The painted shapes of each SVG, measured once: colour, opacity, box and the map back to its own
    // coordinates (a screen's charts hold a few thousand shapes; each text samples up to nine points).
    interface Paint {
      shape: SVGGeometryElement;
      fill: Rgba;
      box: DOMRect;
      toLocal: DOMMatrix;
    }
    const paintCache = new Map<SVGSVGElement, Paint[]>();
    const paintsOf = (svg: SVGSVGElement): Paint[] => {
      let paints = paintCache.get(svg);
      if (paints) return paints;
      paints = [];
      for (const shape of svg.querySelectorAll<SVGGeometryElement>("rect, path, circle, ellipse, polygon")) {
        // Shapes in <defs>, clip paths, masks and patterns are never painted where they stand.
        if (shape.closest("defs, clipPath, mask, pattern, marker, symbol")) continue;
        const fill = parseColor(style(shape).fill);
        if (!fill || fill[3] === 0 || hidden(shape)) continue;
        const matrix = shape.getScreenCTM();
        if (!matrix) continue;
        const alpha = fill[3] * Number(style(shape).fillOpacity) * opacityOf(shape);
        paints.push({
          shape,
          fill: [fill[0], fill[1], fill[2], alpha],
          box: shape.getBoundingClientRect(),
          toLocal: matrix.inverse(),
        });
      }
      paintCache.set(svg, paints);
      return paints;
    };
    const backgroundAt = (el: Element, svg: SVGSVGElement | null, x: number, y: number): Rgba => {
      let result = htmlBackground(svg ?? el);
      if (!svg) return result;
      for (const paint of paintsOf(svg)) {
        const { box } = paint;
        if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
        // Painted before the text, so under it.
        if (!(paint.shape.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        if (!paint.shape.isPointInFill(new DOMPoint(x, y).matrixTransform(paint.toLocal))) continue;
        result = over(paint.fill, result);
      }
      return result;
    };
    const hex = (c: Rgba) =>
      `#${c
        .slice(0, 3)
        .map((v) => round(v).toString(16).padStart(2, "0"))
        .join("")}`;
    for (const item of items) {
      const s = style(item.el);
      const ink = parseColor(item.svg ? s.fill : s.color);
      if (!ink) continue;
      // WCAG 1.4.3 asks no contrast of an inactive control's text (a disabled "Previous" on slide 1).
      if (item.el.closest(':disabled, [aria-disabled="true"]')) continue;
      const alpha = ink[3] * (item.svg ? Number(s.fillOpacity) : 1) * opacityOf(item.el);
      const size = Number.parseFloat(s.fontSize);
      const bold = Number(s.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const needed = large ? 3 : 4.5;
      let worst: { ratio: number; ink: Rgba; back: Rgba } | null = null;
      for (const r of item.rects.slice(0, 3))
        for (const fx of [0.2, 0.5, 0.8]) {
          const back = backgroundAt(item.el, item.svg, r.x + r.w * fx, r.y + r.h / 2);
          const seen = over([ink[0], ink[1], ink[2], alpha], back);
          const value = ratio(seen, back);
          if (!worst || value < worst.ratio) worst = { ratio: value, ink: seen, back };
        }
      if (worst && worst.ratio < needed - 0.005)
        problems.push({
          kind: "contrast",
          where: item.where,
          texts: [short(item.text)],
          detail: `"${short(item.text)}" ${boxText(union(item.rects))} is ${hex(worst.ink)} on ${hex(worst.back)}: ${worst.ratio.toFixed(2)}:1, needs ${needed}:1 (${size}px${bold ? " bold" : ""})`,
        });
    }
    // A Sankey ribbon is the chart's meaning, so it needs 3:1 against its card (WCAG 1.4.11).
    for (const ribbon of root.querySelectorAll<SVGPathElement>(
      ".recharts-sankey-link, [data-chart-ribbon]",
    )) {
      if (hidden(ribbon)) continue;
      const s = style(ribbon);
      const paint = parseColor(s.stroke !== "none" ? s.stroke : s.fill);
      if (!paint) continue;
      const alpha =
        paint[3] * Number(s.stroke !== "none" ? s.strokeOpacity : s.fillOpacity) * opacityOf(ribbon);
      const back = htmlBackground(outerSvg(ribbon));
      const seen = over([paint[0], paint[1], paint[2], alpha], back);
      const value = ratio(seen, back);
      if (value < 3 - 0.005)
        problems.push({
          kind: "contrast",
          where: whereOf(ribbon),
          texts: ["(ribbon)"],
          detail: `a ribbon ${boxText(toRect(ribbon.getBoundingClientRect()))} is ${hex(seen)} on ${hex(back)}: ${value.toFixed(2)}:1, needs 3:1`,
        });
    }
    return problems;
  }, scope);
}

/**
 * Waits until the page stops moving: no analysis pending and the same text boxes twice in a row
 * (charts redraw at a new width in a transition after a resize or a theme change).
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('html[data-metrics-pending="0"]').waitFor({ state: "attached", timeout: 60_000 });
  let last = "";
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() => {
      const texts = document.querySelectorAll("svg text, h3, td");
      let sum = 0;
      for (const t of texts) {
        const r = t.getBoundingClientRect();
        sum += r.x * 3 + r.y * 7 + r.width;
      }
      return `${texts.length}:${Math.round(sum)}:${document.documentElement.dataset.metricsPending}`;
    });
    if (now === last) return;
    last = now;
  }
}

/** One line per problem: what a failing test prints. */
export function describeProblem(context: string, problem: LayoutProblem): string {
  return `[${context}] ${problem.kind} in ${problem.where}: ${problem.detail}`;
}

/**
 * A HubSpot deals export with "Date entered" columns (as test/e2e/pipeline.test.ts builds): 120 deals
 * over a year, so the Pipeline screen has every chart drawn (stages, quarters, the stall line).
 */
export function hubspotDealsWithHistory(): string {
  return hubspotDealsExport(
    [
      { n: 30, dates: [0, 7, 20, 40, null], stage: "Closed Won" },
      { n: 25, dates: [0, 9, null, null, 30], stage: "Closed Lost" },
      { n: 20, dates: [0, null, null, null, 15], stage: "Closed Lost" },
      { n: 15, dates: [0, 12, 45, null, 90], stage: "Closed Lost" },
      { n: 30, dates: [0, 6, 25, null, null], stage: "Contract Sent" },
    ],
    { cycle: 120, amount: (id) => 1000 + (id % 7) * 2500 },
  );
}
