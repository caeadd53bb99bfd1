// The mapping step: for each file, what it is, a preview, one control per canonical field, date
// formats and unknown activities; "Apply mapping" loads the data.

import { useId, useState } from "react";
import { dateWarnings } from "../../import/dateProfile";
import { DATE_FORMAT_LABELS, DATE_FORMATS, type DateFormat } from "../../import/dates";
import { FIELDS, FILE_KIND_LABELS, type FieldSpec, type FileKind, missingFields } from "../../import/fields";
import type { PreparedFile } from "../../import/load";
import { type FilePlan, IGNORED_ACTIVITY } from "../../import/toEvents";
import { formatCount } from "../../model/format";
import type { DealStagePlan } from "../../model/pipeline";
import { ACTIVITY_VOCABULARY } from "../../model/vocabulary";
import { DealStagePlanEditor } from "./DealStagePlanEditor";

export interface MappingStepProps {
  files: readonly PreparedFile[];
  plans: readonly FilePlan[];
  onApply: (plans: (FilePlan | null)[], dealStagePlan: DealStagePlan | null) => void;
  /** The deal stages found in the files' stage history, as proposed (null: none). */
  dealStagePlan?: DealStagePlan | null;
  onCancel: () => void;
  /** Asks for a fresh proposal when the user changes what a file is. */
  onKindChange: (file: PreparedFile, kind: FileKind) => Promise<FilePlan>;
}

const KINDS = Object.keys(FILE_KIND_LABELS) as FileKind[];
const IGNORE = "ignore";

function Preview(props: { file: PreparedFile }) {
  const { file } = props;
  return (
    <div className="table-scroll">
      <table className="preview-table">
        <caption className="visually-hidden">First rows of {file.name}</caption>
        <thead>
          <tr>
            {file.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {file.preview.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity of their own
            <tr key={i}>
              {file.headers.map((h) => (
                <td key={h}>{row[h] ?? ""}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A date field's format (detected from its column, the user may change it) and what it would do. */
function DateFormatControl(props: {
  file: PreparedFile;
  plan: FilePlan;
  field: FieldSpec;
  header: string;
  controlId: string;
  onChange: (plan: FilePlan) => void;
}) {
  const { file, plan, field, header, controlId, onChange } = props;
  const profile = file.dateProfiles[header];
  const format = plan.dateFormats[field.id] ?? "iso";
  const warnings = profile ? dateWarnings(profile, format) : [];
  const warningsId = `${controlId}-warnings`;
  return (
    <>
      <label htmlFor={controlId}>Date format of {field.label}</label>
      <select
        id={controlId}
        value={format}
        aria-describedby={warnings.length > 0 ? warningsId : undefined}
        onChange={(e) =>
          onChange({
            ...plan,
            dateFormats: { ...plan.dateFormats, [field.id]: e.currentTarget.value as DateFormat },
          })
        }
      >
        {DATE_FORMATS.map((f) => (
          <option key={f} value={f}>
            {DATE_FORMAT_LABELS[f]}
            {profile?.detected === f && profile.fits[f].shaped > 0 ? " — detected" : ""}
          </option>
        ))}
      </select>
      {warnings.length > 0 && (
        <ul id={warningsId} className="mapping-date-warnings" aria-label={`Check ${field.label}`}>
          {warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">▲ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FieldControls(props: { file: PreparedFile; plan: FilePlan; onChange: (plan: FilePlan) => void }) {
  const { file, plan, onChange } = props;
  const id = useId();
  return (
    <div className="mapping-fields">
      {FIELDS[plan.kind].map((field) => {
        const header = plan.mapping[field.id];
        return (
          <div key={field.id} className="mapping-field">
            <label htmlFor={`${id}-${field.id}`}>
              {field.label}
              {field.required ? <span aria-hidden="true"> (required)</span> : null}
            </label>
            <select
              id={`${id}-${field.id}`}
              aria-required={field.required ? true : undefined}
              value={header ?? ""}
              onChange={(e) => {
                const chosen = e.currentTarget.value;
                const mapping = { ...plan.mapping };
                const dateFormats = { ...plan.dateFormats };
                if (chosen) mapping[field.id] = chosen;
                else delete mapping[field.id];
                // A column picked by hand is read in the format its own values support.
                if (field.kind === "date") {
                  if (chosen) dateFormats[field.id] = file.dateProfiles[chosen]?.detected ?? "iso";
                  else delete dateFormats[field.id];
                }
                onChange({ ...plan, mapping, dateFormats });
              }}
            >
              <option value="">— not in this file —</option>
              {file.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            {field.kind === "date" && header && (
              <DateFormatControl
                file={file}
                plan={plan}
                field={field}
                header={header}
                controlId={`${id}-${field.id}-format`}
                onChange={onChange}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function UnknownActivities(props: {
  file: PreparedFile;
  plan: FilePlan;
  onChange: (plan: FilePlan) => void;
}) {
  const { file, plan, onChange } = props;
  if (plan.kind !== "activity" || file.unknownActivities.length === 0) return null;
  return (
    <fieldset className="unknown-activities">
      <legend>Activities not in the vocabulary</legend>
      {file.unknownActivities.map((u) => (
        <label key={u.key} className="mapping-field">
          <span>
            “{u.value}” ({formatCount(u.rows)} rows)
          </span>
          <select
            value={plan.activityMap[u.key] ?? ""}
            onChange={(e) => {
              const activityMap = { ...plan.activityMap };
              if (e.currentTarget.value) activityMap[u.key] = e.currentTarget.value;
              else delete activityMap[u.key];
              onChange({ ...plan, activityMap });
            }}
          >
            <option value="">Keep as written</option>
            <option value={IGNORED_ACTIVITY}>Ignore these rows</option>
            {ACTIVITY_VOCABULARY.map((a) => (
              <option key={a.activity} value={a.activity}>
                {a.activity}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

export function MappingStep(props: MappingStepProps) {
  const [plans, setPlans] = useState<(FilePlan | null)[]>(() => [...props.plans]);
  const [dealStagePlan, setDealStagePlan] = useState<DealStagePlan | null>(props.dealStagePlan ?? null);
  const setPlan = (i: number, plan: FilePlan | null) =>
    setPlans((all) => all.map((p, j) => (j === i ? plan : p)));
  const problems = plans.flatMap((plan) =>
    plan
      ? missingFields(plan.kind, plan.mapping).map((f) => `${plan.fileName}: choose a column for ${f.label}`)
      : [],
  );
  const nothingToLoad = plans.every((p) => p === null || p.kind === "spend");

  return (
    <section className="mapping-step" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Check the column mapping</h2>
      <p className="view-note">
        We matched the columns we recognised. Fix anything that is wrong, then apply. The mapping is
        remembered for files with the same columns.
      </p>
      {props.files.map((file, i) => {
        const plan = plans[i] ?? null;
        return (
          <article key={file.table} className="mapping-file" aria-label={`Mapping for ${file.name}`}>
            <h3>
              {file.name} <span className="view-note">· {formatCount(file.rows)} rows</span>
            </h3>
            {file.notes.map((note) => (
              <p key={note} className="view-note">
                {note}
              </p>
            ))}
            <label className="mapping-field">
              <span>What is in {file.name}?</span>
              <select
                value={plan?.kind ?? IGNORE}
                onChange={async (e) => {
                  const value = e.currentTarget.value;
                  if (value === IGNORE) setPlan(i, null);
                  else setPlan(i, await props.onKindChange(file, value as FileKind));
                }}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {FILE_KIND_LABELS[k]}
                  </option>
                ))}
                <option value={IGNORE}>Ignore this file</option>
              </select>
            </label>
            <Preview file={file} />
            {plan && <FieldControls file={file} plan={plan} onChange={(p) => setPlan(i, p)} />}
            {plan && <UnknownActivities file={file} plan={plan} onChange={(p) => setPlan(i, p)} />}
          </article>
        );
      })}
      {dealStagePlan && <DealStagePlanEditor plan={dealStagePlan} onChange={setDealStagePlan} />}
      {problems.length > 0 && (
        <ul className="mapping-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="mapping-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={problems.length > 0 || nothingToLoad}
          onClick={() => props.onApply(plans, dealStagePlan)}
        >
          Apply mapping
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
