// The shell: header with import, the shared filters, and the Overview of the loaded workspace.

import { useEffect, useRef } from "react";
import { importFiles, loadSample } from "./app/importFiles";
import { useFunnel } from "./app/useFunnel";
import { useAppStore } from "./store";
import { FileDropZone } from "./ui/FileDropZone";
import { ImportButton } from "./ui/ImportButton";
import { FilterBar } from "./views/Filters/FilterBar";
import { ImportStatusBanner } from "./views/Import/ImportStatusBanner";
import { OverviewView } from "./views/Overview/OverviewView";

export function App() {
  const dataset = useAppStore((s) => s.dataset);
  const importStatus = useAppStore((s) => s.importStatus);
  const funnel = useFunnel();
  const sampleRequested = useRef(false);

  useEffect(() => {
    if (sampleRequested.current) return;
    sampleRequested.current = true;
    void loadSample();
  }, []);

  const onFiles = (files: File[]) => void importFiles(files);
  const openPicker = () =>
    document.querySelector<HTMLInputElement>('input[aria-label="Import data file"]')?.click();

  return (
    <FileDropZone onFiles={onFiles}>
      <header className="app-header">
        <h1>Funnel Lens</h1>
        <span className="dataset-label">{dataset ? dataset.label : "No data loaded"}</span>
        <ImportButton onFiles={onFiles} disabled={importStatus.state === "importing"} />
      </header>
      <main className="app-main" data-funnel-update={funnel.status === "ready" ? funnel.update : 0}>
        <ImportStatusBanner status={importStatus} />
        <FilterBar />
        <OverviewView state={funnel} onImportClick={openPicker} />
      </main>
    </FileDropZone>
  );
}
