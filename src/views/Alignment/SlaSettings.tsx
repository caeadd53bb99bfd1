// The SLA targets, the share-within-SLA goal and the company-size routing bands, edited in place.

import { useState } from "react";
import { type AlignmentSettings, validAlignmentSettings } from "../../model/alignment";
import { boundsText, ROUTING_EMPLOYEES, SLA_GOAL, SLA_HOURS } from "../../model/settingsBounds";
import { useAppStore } from "../../store";

function NumberSetting(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="filter">
      {props.label}
      <input
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(event) => {
          const value = event.currentTarget.valueAsNumber;
          if (Number.isFinite(value)) props.onChange(value);
        }}
      />
    </label>
  );
}

export function SlaSettings() {
  const settings = useAppStore((s) => s.alignment);
  const setAlignment = useAppStore((s) => s.setAlignment);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (next: AlignmentSettings) => {
    if (validAlignmentSettings(next)) {
      setProblem(null);
      setAlignment(next);
    } else
      setProblem(
        `Targets must be ${boundsText(SLA_HOURS)} hours, the goal between 0 and 100 %, and every band needs ` +
          `whole employees (${boundsText(ROUTING_EMPLOYEES)}) and a team name.`,
      );
  };
  const target = (key: keyof AlignmentSettings["targets"]) => (value: number) =>
    update({ ...settings, targets: { ...settings.targets, [key]: value } });
  return (
    <fieldset className="filter-bar alignment-settings">
      <legend>SLA targets and routing</legend>
      <NumberSetting
        label="Review within (hours)"
        value={settings.targets.reviewHours}
        min={SLA_HOURS.min}
        max={SLA_HOURS.max}
        step={0.5}
        onChange={target("reviewHours")}
      />
      <NumberSetting
        label="First contact within (hours)"
        value={settings.targets.contactHours}
        min={SLA_HOURS.min}
        max={SLA_HOURS.max}
        step={1}
        onChange={target("contactHours")}
      />
      <NumberSetting
        label="Feedback within (hours)"
        value={settings.targets.feedbackHours}
        min={SLA_HOURS.min}
        max={SLA_HOURS.max}
        step={1}
        onChange={target("feedbackHours")}
      />
      <NumberSetting
        label="Share of hand-offs within SLA goal (%)"
        value={Math.round(settings.slaGoal * 1000) / 10}
        min={SLA_GOAL.min * 100}
        max={SLA_GOAL.max * 100}
        step={1}
        onChange={(value) => update({ ...settings, slaGoal: value / 100 })}
      />
      {settings.routing.map((band, i) => (
        // Bands are edited in place; their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the band's position is its identity while editing
        <span key={i} className="filter">
          <NumberSetting
            label={`Band ${i + 1}: from employees`}
            value={band.minEmployees}
            min={ROUTING_EMPLOYEES.min}
            max={ROUTING_EMPLOYEES.max}
            step={1}
            onChange={(minEmployees) =>
              update({
                ...settings,
                routing: settings.routing.map((b, j) => (j === i ? { ...b, minEmployees } : b)),
              })
            }
          />
          <label className="filter">
            {`Band ${i + 1}: team`}
            <input
              type="text"
              value={band.team}
              onChange={(event) => {
                const team = event.currentTarget.value;
                update({
                  ...settings,
                  routing: settings.routing.map((b, j) => (j === i ? { ...b, team } : b)),
                });
              }}
            />
          </label>
        </span>
      ))}
      {problem && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
