// The context footer of a slide, a printed page or an exported chart: what data, filters, period, way of
// counting, comparison, window and as-of day the numbers above it come from.

import { type OutputContextInput, outputContextFields } from "../model/outputContext";
import "./outputFooter.css";

export const OUTPUT_FOOTER_CLASS = "output-footer";

export function OutputFooter(props: { context: OutputContextInput; className?: string }) {
  const fields = outputContextFields(props.context);
  return (
    <footer className={`${OUTPUT_FOOTER_CLASS} ${props.className ?? ""}`.trim()}>
      {fields.map((field) => (
        <span key={field.key} className="output-footer-field" data-field={field.key}>
          <span className="output-footer-label">{field.label}:</span> {field.value}
        </span>
      ))}
    </footer>
  );
}

/**
 * The same footer as a plain element, for exports drawn outside React (a chart's PNG): appended to the
 * figure for the capture and removed after it.
 */
export function outputFooterElement(document: Document, lines: readonly string[]): HTMLElement {
  const footer = document.createElement("footer");
  footer.className = `${OUTPUT_FOOTER_CLASS} output-footer-export`;
  for (const line of lines) {
    const span = document.createElement("span");
    span.className = "output-footer-field";
    span.textContent = line;
    footer.append(span);
  }
  return footer;
}
