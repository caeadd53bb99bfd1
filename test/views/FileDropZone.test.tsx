// @vitest-environment jsdom
// Tests for dropping export files onto the app: the overlay while dragging and the files handed over.
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FileDropZone } from "../../src/ui/FileDropZone";

const leads = new File(["lead_id\n1\n"], "leads.csv", { type: "text/csv" });
const fileDrag = (files: File[] = [leads]) => ({
  dataTransfer: { types: ["Files"], files, dropEffect: "none" },
});

function renderZone(onFiles = vi.fn()) {
  render(
    <FileDropZone onFiles={onFiles}>
      <p>Funnel overview</p>
    </FileDropZone>,
  );
  return { onFiles, target: screen.getByText("Funnel overview") };
}

describe("FileDropZone", () => {
  it("shows 'Drop files to import' while files are dragged over, and hides it when they leave", () => {
    const { target } = renderZone();
    expect(screen.queryByText("Drop files to import")).toBeNull();
    fireEvent.dragEnter(target, fileDrag());
    expect(screen.getByText("Drop files to import")).toBeTruthy();
    fireEvent.dragLeave(target, fileDrag());
    expect(screen.queryByText("Drop files to import")).toBeNull();
  });

  it("keeps the overlay while the drag moves between children", () => {
    const { target } = renderZone();
    fireEvent.dragEnter(target, fileDrag());
    fireEvent.dragEnter(target, fileDrag());
    fireEvent.dragLeave(target, fileDrag());
    expect(screen.getByText("Drop files to import")).toBeTruthy();
  });

  it("hands dropped files over and removes the overlay", () => {
    const { onFiles, target } = renderZone();
    fireEvent.dragEnter(target, fileDrag());
    fireEvent.drop(target, fileDrag());
    expect(onFiles).toHaveBeenCalledWith([leads]);
    expect(screen.queryByText("Drop files to import")).toBeNull();
  });

  it("ignores drags that carry no files, such as selected text", () => {
    const { onFiles, target } = renderZone();
    fireEvent.dragEnter(target, { dataTransfer: { types: ["text/plain"], files: [] } });
    expect(screen.queryByText("Drop files to import")).toBeNull();
    fireEvent.drop(target, { dataTransfer: { types: ["text/plain"], files: [] } });
    expect(onFiles).not.toHaveBeenCalled();
  });
});
