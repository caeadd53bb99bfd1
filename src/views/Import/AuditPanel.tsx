// "Data quality" after an import: the trust verdict in one line, what was checked in a second, and
// every check with its number on demand — compact, so the KPI tiles and the funnel stay above the fold.

import { type CSSProperties, memo } from "react";
import {
  AUDIT_LEVEL_LABELS,
  AUDIT_SEVERITY_LABELS,
  type AuditLevel,
  type AuditSeverity,
  auditRecordNoun,
  auditVerdict,
  type DataAudit,
} from "../../model/audit";
import { formatCount } from "../../model/format";
import { formatDayText } from "../../model/period";
import "./auditPanel.css";

/** Colour only reinforces the words and glyph beside it (Okabe–Ito, as in styles.css). */
const LEVEL_COLORS: Record<AuditLevel, string> = {
  good: "var(--okabe-bluish-green, #009e73)",
  caveats: "var(--okabe-orange, #e69f00)",
  poor: "var(--okabe-vermillion, #d55e00)",
};

const LEVEL_GLYPHS: Record<AuditLevel, string> = { good: "✓", caveats: "▲", poor: "✖" };

const SEVERITY_COLORS: Record<AuditSeverity, string> = {
  ok: LEVEL_COLORS.good,
  warn: LEVEL_COLORS.caveats,
  bad: LEVEL_COLORS.poor,
};

const SEVERITY_GLYPHS: Record<AuditSeverity, string> = { ok: "✓", warn: "▲", bad: "✖" };

const badgeStyle = (color: string): CSSProperties => ({
  display: "inline-block",
  padding: "0 0.5rem",
  border: `2px solid ${color}`,
  borderRadius: "999px",
  fontWeight: 600,
  whiteSpace: "nowrap",
});

/** Memoised: the shell re-renders on every filter change, the audit only changes with an import. */
export const AuditPanel = memo(function AuditPanel(props: { audit: DataAudit }) {
  const { audit } = props;
  const verdict = auditVerdict(audit);
  const color = LEVEL_COLORS[verdict.level];
  return (
    // A <section> with an accessible name is a region landmark: role="region", name "Data quality".
    <section
      aria-label="Data quality"
      className={`audit-panel audit-${verdict.level}`}
      data-level={verdict.level}
      style={{ borderLeft: `6px solid ${color}` }}
    >
      <div className="audit-line">
        <h3>Data quality</h3>{" "}
        <span className="audit-level" data-level={verdict.level} style={badgeStyle(color)}>
          <span aria-hidden="true" style={{ color }}>
            {LEVEL_GLYPHS[verdict.level]}
          </span>{" "}
          {AUDIT_LEVEL_LABELS[verdict.level]}
        </span>{" "}
        <span className="audit-headline">{verdict.headline}</span>
      </div>
      <details className="audit-details">
        <summary>
          <span className="audit-scope">
            Checked {formatCount(audit.eventRows)} {audit.eventRows === 1 ? "row" : "rows"} from{" "}
            {formatCount(audit.leads)} {auditRecordNoun(audit, audit.leads)}
            {audit.asOf !== null && ` · as-of date ${formatDayText(audit.asOf)}`}.
          </span>{" "}
          <span className="audit-more">Every check ({formatCount(verdict.details.length)})</span>
        </summary>
        <ul className="audit-checks">
          {verdict.details.map((detail) => (
            <li key={detail.id} data-check={detail.id} data-severity={detail.severity}>
              <strong>{detail.label}:</strong> {detail.value}{" "}
              <span className="audit-severity" style={badgeStyle(SEVERITY_COLORS[detail.severity])}>
                <span aria-hidden="true" style={{ color: SEVERITY_COLORS[detail.severity] }}>
                  {SEVERITY_GLYPHS[detail.severity]}
                </span>{" "}
                {AUDIT_SEVERITY_LABELS[detail.severity]}
              </span>
              <br />
              <span className="audit-explanation">{detail.explanation}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
});
