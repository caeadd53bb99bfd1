// Said on a screen that counts only by cohort while In period is chosen (issue 20): which leads its
// numbers are about, so they are never read as entries in the period.

import { COHORT_ONLY_NOTE, countIn } from "../../model/counting";
import { useAppStore } from "../../store";

/** Nothing when counting by cohort, or without a period (the two ways are then the same). */
export function CohortOnlyNote(props: { text?: string }) {
  const filters = useAppStore((s) => s.filters);
  const count = useAppStore((s) => s.count);
  if (countIn(filters, count) !== "period") return null;
  return (
    <p className="view-note" data-cohort-only="true">
      {props.text ?? COHORT_ONLY_NOTE}
    </p>
  );
}
