// The title slide's three headline numbers, each with its change against the previous period when comparing.

import type { TitleFigure } from "../../model/deck";

export function TitleFigures(props: { figures: readonly TitleFigure[] }) {
  if (props.figures.length === 0)
    return <p className="title-figures-none">No headline number in this selection.</p>;
  return (
    <dl className="title-figures">
      {props.figures.map((figure) => (
        <div key={figure.id} className="title-figure" data-metric={figure.id}>
          <dt>{figure.label}</dt>
          <dd className="title-figure-value">{figure.value}</dd>
          {figure.change && <dd className="title-figure-change">{figure.change}</dd>}
        </div>
      ))}
    </dl>
  );
}
