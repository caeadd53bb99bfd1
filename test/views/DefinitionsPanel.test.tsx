// @vitest-environment jsdom
// Tests for the Definitions panel: edits reach the store, reset restores the standard wording, download.
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFINITIONS_FILE, defaultDefinitions } from "../../src/model/definitions";
import { DEFAULT_SCORING } from "../../src/model/scoring";
import { useAppStore } from "../../src/store";
import { downloadText } from "../../src/ui/download";
import { DefinitionsPanel } from "../../src/views/Definitions/DefinitionsPanel";

vi.mock("../../src/ui/download", () => ({ downloadText: vi.fn() }));

const initialState = useAppStore.getState();

function field(name: string): HTMLTextAreaElement {
  return screen.getByRole("textbox", { name }) as HTMLTextAreaElement;
}

describe("DefinitionsPanel", () => {
  beforeEach(() => {
    useAppStore.setState(initialState, true);
    vi.mocked(downloadText).mockClear();
  });

  it("shows one labelled textarea per stage, pre-filled with the standard wording", () => {
    render(<DefinitionsPanel />);
    expect(screen.getByRole("heading", { name: "Definitions" })).toBeTruthy();
    const defaults = defaultDefinitions(DEFAULT_SCORING);
    expect(field("Lead definition").value).toBe(defaults.lead);
    expect(field("MQL definition").value).toBe(defaults.mql);
    expect(field("SAL definition").value).toBe(defaults.sal);
    expect(field("SQL definition").value).toBe(defaults.sql);
    expect(field("Opportunity definition").value).toBe(defaults.opportunity);
  });

  it("saves an edit to the store for that stage only", () => {
    render(<DefinitionsPanel />);
    fireEvent.change(field("MQL definition"), { target: { value: "Score of 80 or a demo request." } });
    expect(useAppStore.getState().definitions).toEqual({ mql: "Score of 80 or a demo request." });
    expect(field("MQL definition").value).toBe("Score of 80 or a demo request.");
  });

  it("follows a changed threshold while the wording is standard", () => {
    useAppStore.setState({ scoring: { ...DEFAULT_SCORING, mqlThreshold: 90 } });
    render(<DefinitionsPanel />);
    expect(field("MQL definition").value).toContain("90 points or more");
  });

  it("restores the standard wording on reset", async () => {
    render(<DefinitionsPanel />);
    fireEvent.change(field("SQL definition"), { target: { value: "BANT confirmed on a call." } });
    await userEvent.click(screen.getByRole("button", { name: "Reset to standard wording" }));
    expect(useAppStore.getState().definitions).toEqual({});
    expect(field("SQL definition").value).toBe(defaultDefinitions(DEFAULT_SCORING).sql);
  });

  it("is cleared by resetSettings", () => {
    useAppStore.getState().setDefinition("lead", "Any form fill.");
    useAppStore.getState().resetSettings();
    expect(useAppStore.getState().definitions).toEqual({});
  });

  it("downloads the definitions in force as CSV", async () => {
    useAppStore.getState().setDefinition("sal", "Accepted within 2 days.");
    render(<DefinitionsPanel />);
    await userEvent.click(screen.getByRole("button", { name: "Download definitions" }));
    const [file, text] = vi.mocked(downloadText).mock.calls[0] ?? [];
    expect(file).toBe(DEFINITIONS_FILE);
    expect(text).toContain("sal,SAL,Accepted within 2 days.");
  });
});
