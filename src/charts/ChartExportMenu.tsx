// The PNG / SVG / CSV buttons in a chart's caption: what a results-review deck needs from each chart.

import { type RefObject, useState } from "react";
import { currentOutputContext } from "../app/outputContext";
import { toCsv } from "../model/csv";
import { outputContextFields, outputContextLines, withAboutColumns } from "../model/outputContext";
import { downloadBlob, downloadText } from "../ui/download";
import {
  type ChartExportFormat,
  chartCsvRows,
  chartFileName,
  chartPngBlob,
  chartSvgText,
  EXPORT_EXCLUDED_CLASS,
} from "./exportChart";

const FORMATS: readonly ChartExportFormat[] = ["png", "svg", "csv"];

/** Every file carries the context of the view it was made from: a footer in pictures, columns in CSV. */
async function exportChart(figure: HTMLElement, title: string, format: ChartExportFormat): Promise<void> {
  const fileName = chartFileName(title, format);
  const context = await currentOutputContext();
  if (format === "png") {
    downloadBlob(fileName, await chartPngBlob(figure, outputContextLines(context)));
  } else if (format === "svg") {
    const svg = chartSvgText(figure, title, outputContextLines(context));
    if (svg === null) throw new Error("the chart is not drawn yet");
    downloadText(fileName, svg, "image/svg+xml;charset=utf-8");
  } else {
    const rows = withAboutColumns(chartCsvRows(figure), outputContextFields(context));
    downloadText(fileName, toCsv(rows), "text/csv;charset=utf-8");
  }
}

export function ChartExportMenu(props: { title: string; figure: RefObject<HTMLElement | null> }) {
  const [busy, setBusy] = useState<ChartExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ChartExportFormat) => {
    const figure = props.figure.current;
    if (!figure) return;
    setBusy(format);
    setError(null);
    try {
      await exportChart(figure, props.title, format);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      setError(`Could not export the ${format.toUpperCase()}: ${reason}.`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={`${EXPORT_EXCLUDED_CLASS} no-print`}>
      <div className="chart-export-buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="chart-export-button"
            aria-label={`Download ${props.title} as ${format.toUpperCase()}`}
            disabled={busy !== null}
            onClick={() => void run(format)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      {error !== null && (
        <p className="chart-export-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
