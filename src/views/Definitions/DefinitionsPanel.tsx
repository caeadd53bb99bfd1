// The Definitions panel: the team's own wording for lead, MQL, SAL, SQL and opportunity, saved with the settings.

import { useEffect, useId, useLayoutEffect, useRef } from "react";
import { useDefinitions } from "../../app/useDefinitions";
import {
  DEFINED_STAGES,
  DEFINITIONS_FILE,
  defaultDefinitions,
  definitionsCsv,
  type StageDefinitions,
} from "../../model/definitions";
import { STAGE_LABELS } from "../../model/stages";
import { useAppStore } from "../../store";
import { downloadText } from "../../ui/download";

/** The definitions as a plain list; `print-only` keeps it off the screen and on the printed report. */
export function DefinitionsList(props: { definitions: StageDefinitions; className?: string }) {
  return (
    <section className={`definitions-list ${props.className ?? ""}`.trim()} aria-label="Stage definitions">
      <h3>Stage definitions</h3>
      <dl>
        {DEFINED_STAGES.map((stage) => (
          <div key={stage} data-stage={stage}>
            <dt>{STAGE_LABELS[stage]}</dt>
            <dd>{props.definitions[stage]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Sets a textarea's height to its text's; not laid out (a closed dialog, jsdom), it is left alone. */
function fitToText(element: HTMLTextAreaElement): void {
  if (element.clientWidth === 0) return;
  element.style.height = "auto";
  element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
}

/**
 * A textarea as tall as its text: a definition is never cut off behind a scroll bar (it grows as the
 * team types; the user may still drag it taller).
 */
function DefinitionText(props: {
  id: string;
  value: string;
  edited: boolean;
  onChange: (text: string) => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  // On every change of text, and whenever its width changes (a dialog opening, a narrower window).
  useLayoutEffect(() => {
    const element = area.current;
    if (element) fitToText(element);
  });
  useEffect(() => {
    const element = area.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      fitToText(element);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <textarea
      ref={area}
      id={props.id}
      rows={3}
      className="definition-text"
      value={props.value}
      data-edited={props.edited ? "true" : undefined}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

/** `headed`: false inside the Definitions dialog, which has its own heading. */
export function DefinitionsPanel(props: { headed?: boolean } = {}) {
  const headed = props.headed ?? true;
  const titleId = useId();
  const edits = useAppStore((s) => s.definitions);
  const scoring = useAppStore((s) => s.scoring);
  const setDefinition = useAppStore((s) => s.setDefinition);
  const resetDefinitions = useAppStore((s) => s.resetDefinitions);
  const definitions = useDefinitions();
  const defaults = defaultDefinitions(scoring);
  return (
    <section
      className="definitions"
      aria-labelledby={headed ? titleId : undefined}
      aria-label={headed ? undefined : "Definitions"}
    >
      {headed && <h2 id={titleId}>Definitions</h2>}
      <p className="view-note">
        The team's agreed wording for each stage, saved with the workspace settings. It is shown in every
        stage's tooltip and printed with the reports. The standard wording quotes the scoring thresholds in
        force, so it follows any change to them.
      </p>
      <div className="definitions-fields">
        {DEFINED_STAGES.map((stage) => (
          <label key={stage} className="definition-field" htmlFor={`${titleId}-${stage}`}>
            {STAGE_LABELS[stage]} definition
            <DefinitionText
              id={`${titleId}-${stage}`}
              value={edits[stage] ?? defaults[stage]}
              edited={edits[stage] !== undefined}
              onChange={(text) => {
                // Wording equal to the standard keeps following the thresholds.
                setDefinition(stage, text === defaults[stage] ? null : text);
              }}
            />
          </label>
        ))}
      </div>
      <div className="definitions-actions">
        <button type="button" className="button" onClick={resetDefinitions}>
          Reset to standard wording
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            downloadText(DEFINITIONS_FILE, definitionsCsv(definitions), "text/csv;charset=utf-8")
          }
        >
          Download definitions
        </button>
      </div>
      <DefinitionsList definitions={definitions} className="print-only" />
    </section>
  );
}
