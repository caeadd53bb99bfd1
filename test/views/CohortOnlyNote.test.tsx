// @vitest-environment jsdom
// Screens that count only by cohort say so while In period is chosen (issue 20), and only then.

import { act, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { COHORT_ONLY_NOTE } from "../../src/model/counting";
import { NO_FILTERS } from "../../src/model/filters";
import { useAppStore } from "../../src/store";
import { CohortOnlyNote } from "../../src/views/Filters/CohortOnlyNote";

const initialState = useAppStore.getState();
const MARCH = { ...NO_FILTERS, from: "2026-03-01", to: "2026-03-31" };

beforeEach(() => useAppStore.setState(initialState, true));

describe("CohortOnlyNote", () => {
  it("says the screen counts by cohort while In period is chosen for a period", () => {
    useAppStore.setState({ filters: MARCH, count: "period" });
    const { container } = render(<CohortOnlyNote />);
    expect(screen.getByText(COHORT_ONLY_NOTE)).toBeTruthy();
    expect(container.querySelector("[data-cohort-only]")?.textContent).toContain(
      "Counted by cohort: leads that became leads in the period",
    );
    act(() => useAppStore.getState().setCount("cohort"));
    expect(container.querySelector("[data-cohort-only]")).toBeNull();
  });

  it("says nothing without a period, where both ways count the same", () => {
    useAppStore.setState({ filters: NO_FILTERS, count: "period" });
    const { container } = render(<CohortOnlyNote />);
    expect(container.querySelector("[data-cohort-only]")).toBeNull();
  });
});
