// Label placement every chart shares: text measured, then placed where it overlaps no other label, no
// marker and no edge. Pure functions over boxes; the DOM only lends its font metrics (measureText).

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Average glyph width of the system sans-serif as a share of the font size, where nothing can measure. */
const GLYPH_WIDTH = 0.58;

let canvas: CanvasRenderingContext2D | null | undefined;

/** The width of `text` in px at `fontSize`, from the page's font when a canvas can measure it. */
export function textWidth(text: string, fontSize: number): number {
  if (canvas === undefined) {
    try {
      canvas =
        typeof document === "undefined" || /jsdom/i.test(globalThis.navigator?.userAgent ?? "")
          ? null
          : document.createElement("canvas").getContext("2d");
    } catch {
      canvas = null;
    }
  }
  if (!canvas) return text.length * fontSize * GLYPH_WIDTH;
  const family = getComputedStyle(document.body).fontFamily || "sans-serif";
  canvas.font = `${fontSize}px ${family}`;
  // 4 % spare: SVG text and canvas round glyph advances differently.
  return canvas.measureText(text).width * 1.04;
}

export function overlaps(a: LabelBox, b: LabelBox, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

function inside(box: LabelBox, bounds: LabelBox): boolean {
  return (
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y + box.height <= bounds.y + bounds.height
  );
}

export interface PointLabel {
  id: string;
  /** The marker's centre in px. */
  x: number;
  y: number;
  text: string;
  /** Higher first: the labels that matter most get the free space. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Where the text starts (textAnchor start) and its baseline. */
  x: number;
  baseline: number;
  box: LabelBox;
}

export interface PlaceOptions {
  fontSize: number;
  /** The plot area labels must stay inside. */
  bounds: LabelBox;
  /** Marker radius: labels keep clear of every marker. */
  radius: number;
  /** At most this many labels; the rest are named on hover and in the table. */
  limit: number;
  /** Boxes already taken (corner notes, other text). */
  taken?: readonly LabelBox[];
  measure?: (text: string, fontSize: number) => number;
}

/**
 * Labels for a scatter's points: the highest-priority points first, each tried right, left, above and
 * below its marker, kept only where it overlaps no placed label, no marker and stays inside the plot.
 * Points left without a label are the ones a reader hovers (or reads in the table).
 */
export function placePointLabels(points: readonly PointLabel[], options: PlaceOptions): PlacedLabel[] {
  const measure = options.measure ?? textWidth;
  const height = Math.ceil(options.fontSize * 1.25);
  const gap = options.radius + 3;
  const markers: LabelBox[] = points.map((p) => ({
    x: p.x - options.radius,
    y: p.y - options.radius,
    width: options.radius * 2,
    height: options.radius * 2,
  }));
  const taken: LabelBox[] = [...(options.taken ?? [])];
  const placed: PlacedLabel[] = [];
  const order = [...points].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const point of order) {
    if (placed.length >= options.limit) break;
    const width = Math.ceil(measure(point.text, options.fontSize));
    const candidates: LabelBox[] = [
      { x: point.x + gap, y: point.y - height / 2, width, height },
      { x: point.x - gap - width, y: point.y - height / 2, width, height },
      { x: point.x - width / 2, y: point.y - gap - height, width, height },
      { x: point.x - width / 2, y: point.y + gap, width, height },
    ];
    const box = candidates.find(
      (c) =>
        inside(c, options.bounds) &&
        !taken.some((t) => overlaps(c, t, 2)) &&
        !markers.some((m) => overlaps(c, m, 1)),
    );
    if (!box) continue;
    taken.push(box);
    placed.push({
      id: point.id,
      text: point.text,
      x: box.x,
      // The baseline sits about a fifth of the line above the box's bottom (descenders).
      baseline: box.y + height * 0.78,
      box,
    });
  }
  return placed;
}

/**
 * A category label as lines that fit `maxWidth`: words are kept whole, and a word too long for a line
 * stands alone (the caller gives it room or abbreviates). At most `maxLines`; the last line ends "…"
 * when words are left over.
 */
export function wrapLabel(
  label: string,
  maxWidth: number,
  fontSize: number,
  maxLines = 2,
  measure: (text: string, fontSize: number) => number = textWidth,
): string[] {
  const words = label.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && measure(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}
