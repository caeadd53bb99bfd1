// "How stages are counted": SPEC's reached, not-tracked and stalled rules in words, on the screen.

export function StageRules(props: { stalledDays?: number }) {
  const stalledDays = props.stalledDays ?? 30;
  return (
    <details className="stage-rules">
      <summary>How stages are counted</summary>
      <ul>
        <li>
          <strong>Reached.</strong> A lead reached a stage if it has a date for that stage or for any later
          stage. A lead that skipped a stage (say, MQL straight to SQL) counts as having passed it; the funnel
          chart says how many skipped.
        </li>
        <li>
          <strong>Conversion.</strong> Step conversion is the share of leads that reached one tracked stage
          and then the next; cumulative conversion runs from the first tracked stage.
        </li>
        <li>
          <strong>Not tracked.</strong> A stage with no dates anywhere in the data is skipped, and no rate
          through it is shown; conversion runs between the nearest tracked stages instead.
        </li>
        <li>
          <strong>In progress or stalled.</strong> A lead that has not advanced and is not closed is in
          progress while its last activity is within {stalledDays} days of the data's as-of date (the latest
          date in the data, not today), and stalled after that. In-progress leads are never counted as leaked.
        </li>
      </ul>
    </details>
  );
}
