// @vitest-environment jsdom
// Tests for the "Import data" button and its hidden, labelled file input.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ImportButton } from "../../src/ui/ImportButton";

const csv = (name: string) => new File(["lead_id,created_at\n1,2024-01-02\n"], name, { type: "text/csv" });

describe("ImportButton", () => {
  it("offers every format the importer reads, several files at once, under an accessible label", () => {
    render(<ImportButton onFiles={vi.fn()} />);
    const input = screen.getByLabelText<HTMLInputElement>("Import data file");
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".csv,.tsv,.txt,.json,.ndjson,.parquet");
    expect(input.multiple).toBe(true);
  });

  it("opens the file picker when the visible button is pressed", async () => {
    render(<ImportButton onFiles={vi.fn()} />);
    const input = screen.getByLabelText<HTMLInputElement>("Import data file");
    const openPicker = vi.spyOn(input, "click");
    await userEvent.click(screen.getByRole("button", { name: "Import data" }));
    expect(openPicker).toHaveBeenCalledTimes(1);
  });

  it("hands the chosen files over, in order", async () => {
    const onFiles = vi.fn();
    render(<ImportButton onFiles={onFiles} />);
    const leads = csv("leads.csv");
    const spend = csv("spend.csv");
    await userEvent.upload(screen.getByLabelText("Import data file"), [leads, spend]);
    expect(onFiles).toHaveBeenCalledTimes(1);
    expect(onFiles).toHaveBeenCalledWith([leads, spend]);
  });

  it("accepts the same file again after a first import", async () => {
    const onFiles = vi.fn();
    render(<ImportButton onFiles={onFiles} />);
    const leads = csv("leads.csv");
    await userEvent.upload(screen.getByLabelText("Import data file"), leads);
    await userEvent.upload(screen.getByLabelText("Import data file"), leads);
    expect(onFiles).toHaveBeenCalledTimes(2);
  });
});
