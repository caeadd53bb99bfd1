// @vitest-environment jsdom
// The mapping step's deal stages: the proposed order is shown, and reordering, renaming, merging,
// excluding and choosing the pipeline reach "Apply mapping" as the plan the import uses.
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DealStagePlan, FoundDealStage } from "../../src/model/pipeline";
import { DealStagePlanEditor } from "../../src/views/Import/DealStagePlanEditor";

const found = (
  pipeline: string,
  source: string,
  kind: FoundDealStage["kind"],
  deals: number,
): FoundDealStage => ({
  pipeline,
  source,
  kind,
  entries: deals,
  deals,
});

const FOUND = [
  found("Sales", "Discovery", "open", 40),
  found("Sales", "Demo", "open", 30),
  found("Sales", "Closed Won", "won", 10),
  found("Renewals", "Renewal due", "open", 5),
];

const PLAN: DealStagePlan = {
  pipeline: "Sales",
  pipelines: [
    { pipeline: "Sales", deals: 40 },
    { pipeline: "Renewals", deals: 5 },
  ],
  found: FOUND,
  stages: FOUND.filter((s) => s.pipeline === "Sales").map((s) => ({
    source: s.source,
    name: s.source,
    kind: s.kind,
    excluded: false,
    entries: s.entries,
    deals: s.deals,
  })),
};

function editor() {
  const onChange = vi.fn<(plan: DealStagePlan) => void>();
  render(<DealStagePlanEditor plan={PLAN} onChange={onChange} />);
  return onChange;
}

const last = (onChange: ReturnType<typeof editor>) => onChange.mock.calls.at(-1)?.[0] as DealStagePlan;

describe("the deal stages in the mapping step", () => {
  it("lists the proposed stages in order with their deals", () => {
    editor();
    const rows = document.querySelectorAll("tr[data-stage-source]");
    expect([...rows].map((r) => r.getAttribute("data-stage-source"))).toEqual([
      "Discovery",
      "Demo",
      "Closed Won",
    ]);
    expect((screen.getByLabelText("Kind of Closed Won") as HTMLSelectElement).value).toBe("won");
  });

  it("moves, renames, merges and excludes stages", () => {
    const onChange = editor();
    fireEvent.click(screen.getByRole("button", { name: "Move Demo up" }));
    expect(last(onChange).stages.map((s) => s.source)).toEqual(["Demo", "Discovery", "Closed Won"]);

    const name = screen.getByLabelText("Name shown for Demo");
    fireEvent.change(name, { target: { value: "Product demo" } });
    fireEvent.blur(name);
    expect(last(onChange).stages.find((s) => s.source === "Demo")?.name).toBe("Product demo");

    fireEvent.change(screen.getByLabelText("Merge Demo into"), { target: { value: "Discovery" } });
    expect(last(onChange).stages.find((s) => s.source === "Demo")?.name).toBe("Discovery");

    fireEvent.click(screen.getByLabelText("Exclude Discovery"));
    expect(last(onChange).stages.find((s) => s.source === "Discovery")?.excluded).toBe(true);
  });

  it("switches to another pipeline's stages", () => {
    const onChange = editor();
    fireEvent.change(screen.getByLabelText("Pipeline"), { target: { value: "Renewals" } });
    expect(last(onChange)).toMatchObject({ pipeline: "Renewals", stages: [{ source: "Renewal due" }] });
  });
});
