// The Definitions panel: the team's own wording for lead, MQL, SAL, SQL and opportunity, saved with the settings.

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

export function DefinitionsPanel() {
  const edits = useAppStore((s) => s.definitions);
  const scoring = useAppStore((s) => s.scoring);
  const setDefinition = useAppStore((s) => s.setDefinition);
  const resetDefinitions = useAppStore((s) => s.resetDefinitions);
  const definitions = useDefinitions();
  const defaults = defaultDefinitions(scoring);
  return (
    <section className="definitions" aria-labelledby="definitions-title">
      <h2 id="definitions-title">Definitions</h2>
      <p className="view-note">
        The team's agreed wording for each stage, saved with the workspace settings. It is shown in every
        stage's tooltip and printed with the reports. The standard wording quotes the scoring thresholds in
        force, so it follows any change to them.
      </p>
      <div className="definitions-fields">
        {DEFINED_STAGES.map((stage) => (
          <label key={stage} className="definition-field">
            {STAGE_LABELS[stage]} definition
            <textarea
              rows={3}
              value={edits[stage] ?? defaults[stage]}
              data-edited={edits[stage] !== undefined ? "true" : undefined}
              onChange={(e) => {
                const text = e.currentTarget.value;
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
