// @vitest-environment jsdom
// Tests for the activity → AIDA stage editor: edits reach the store, reset restores the standard mapping.
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { AIDA_ACTIVITIES, resolveAidaMapping } from "../../src/model/aida";
import { useAppStore } from "../../src/store";
import { AidaMappingEditor } from "../../src/views/Leaks/AidaSection";

const initialState = useAppStore.getState();

function Harness() {
  const edits = useAppStore((s) => s.aidaMapping);
  return <AidaMappingEditor mapping={resolveAidaMapping(edits)} />;
}

function select(name: string): HTMLSelectElement {
  return screen.getByRole("combobox", { name }) as HTMLSelectElement;
}

describe("AidaMappingEditor", () => {
  beforeEach(() => useAppStore.setState(initialState, true));

  it("shows one labelled select per canonical activity with the standard stage", () => {
    render(<Harness />);
    expect(screen.getAllByRole("combobox")).toHaveLength(AIDA_ACTIVITIES.length);
    expect(select("pricing_visit").value).toBe("decision");
    expect(select("became_mql").value).toBe("none");
  });

  it("keeps only real edits and resets to the standard mapping", async () => {
    render(<Harness />);
    fireEvent.change(select("pricing_visit"), { target: { value: "interest" } });
    fireEvent.change(select("page_view"), { target: { value: "none" } });
    expect(useAppStore.getState().aidaMapping).toEqual({ pricing_visit: "interest", page_view: null });
    expect(select("pricing_visit").value).toBe("interest");
    fireEvent.change(select("page_view"), { target: { value: "awareness" } });
    expect(useAppStore.getState().aidaMapping).toEqual({ pricing_visit: "interest" });
    await userEvent.click(screen.getByRole("button", { name: "Reset to standard mapping" }));
    expect(useAppStore.getState().aidaMapping).toEqual({});
    expect(select("pricing_visit").value).toBe("decision");
  });

  it("is cleared by resetSettings", () => {
    useAppStore.getState().setAidaStage("chat", "action");
    useAppStore.getState().resetSettings();
    expect(useAppStore.getState().aidaMapping).toEqual({});
  });
});
