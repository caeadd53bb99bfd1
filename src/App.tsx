// The shell: header with import, the import banner or mapping step, the shared filters and the Overview.

import { memo, useEffect, useRef } from "react";
import { useCountAttribute } from "./app/countAttribute";
import { downloadRejectedRows } from "./app/downloads";
import {
  applyMapping,
  canCancelImport,
  cancelImport,
  canEditMapping,
  clearWorkspace,
  editLastMapping,
  importFiles,
  openWorkspace,
  proposeForKind,
} from "./app/importFiles";
import { keepAnswersForNextVisit } from "./app/lastVisit";
import { watchOtherTabs } from "./app/tabSync";
import { useAppliedTheme } from "./app/theme";
import { useUrlView } from "./app/useUrlView";
import { shownCurrencyOf } from "./model/currency";
import { setShownCurrency } from "./model/format";
import { useFunnel } from "./queries/useFunnel";
import { useAppStore } from "./store";
import { ClearWorkspaceButton } from "./ui/ClearWorkspaceButton";
import { FileDropZone } from "./ui/FileDropZone";
import { ImportButton } from "./ui/ImportButton";
import { ThemeToggle } from "./ui/ThemeToggle";
import { FilterBar } from "./views/Filters/FilterBar";
import { LinkNotices } from "./views/Filters/LinkNotices";
import { AuditPanel } from "./views/Import/AuditPanel";
import { ChangedElsewhereBanner } from "./views/Import/ChangedElsewhereBanner";
import { ImportStatusBanner } from "./views/Import/ImportStatusBanner";
import { MappingStep } from "./views/Import/MappingStep";
import {
  LazyAlignmentView,
  LazyCampaignsView,
  LazyLeaksView,
  LazyPipelineView,
  preloadScreens,
} from "./views/lazyScreens";
import { OverviewView } from "./views/Overview/OverviewView";
import { PresentationLauncher } from "./views/Presentation/PresentationLauncher";
import { Tabs } from "./views/Tabs";

// The screens re-render from their own store subscriptions and answers. Memoised, the shell's own
// re-renders (import progress, header state, each store change) do not redraw their charts: during an
// import those redraws were the page's longest tasks.
const Overview = memo(OverviewView);
const Leaks = memo(LazyLeaksView);
const Campaigns = memo(LazyCampaignsView);
const AlignmentScreen = memo(LazyAlignmentView);
const PipelineScreen = memo(LazyPipelineView);
const Filters = memo(FilterBar);

function openPicker(): void {
  document.querySelector<HTMLInputElement>('input[aria-label="Import data file"]')?.click();
}

export function App() {
  const dataset = useAppStore((s) => s.dataset);
  const importStatus = useAppStore((s) => s.importStatus);
  const audit = useAppStore((s) => s.audit);
  const storageProblem = useAppStore((s) => s.storageProblem);
  const storageNote = useAppStore((s) => s.storageNote);
  const kept = useAppStore((s) => s.kept);
  const tab = useAppStore((s) => s.tab);
  const currency = useAppStore((s) => shownCurrencyOf(s.statedCurrency, s.currencyChoice));
  // Amounts are written in this currency (model/format.ts); set before the screens render, and the
  // screens are drawn afresh when it changes (their answers stay cached).
  setShownCurrency(currency);
  // The Overview's numbers are only asked for while it shows: other screens do not wait behind them.
  const funnel = useFunnel(tab === "overview");
  const sampleRequested = useRef(false);
  useUrlView();
  useAppliedTheme();
  useCountAttribute();

  useEffect(() => {
    if (sampleRequested.current) return;
    sampleRequested.current = true;
    watchOtherTabs();
    keepAnswersForNextVisit();
    void openWorkspace();
  }, []);

  // The other screens' code loads once the first numbers are on screen, not before them.
  const firstNumbersShown = funnel.status === "ready";
  useEffect(() => {
    if (firstNumbersShown) preloadScreens();
  }, [firstNumbersShown]);

  const onFiles = (files: File[]) => void importFiles(files);
  const busy = importStatus.state === "importing" || importStatus.state === "mapping";

  return (
    <FileDropZone onFiles={onFiles}>
      <header className="app-header">
        <h1>Funnel Lens</h1>
        <span className="dataset-label" title={dataset?.label}>
          {dataset ? dataset.label : "No data loaded"}
        </span>
        {kept && <span className="view-note">Kept in this browser</span>}
        <ImportButton onFiles={onFiles} disabled={busy} />
        <ClearWorkspaceButton disabled={busy} onConfirm={() => void clearWorkspace()} />
        <PresentationLauncher />
        <ThemeToggle />
      </header>
      <main className="app-main" data-funnel-update={funnel.status === "ready" ? funnel.update : 0}>
        {storageNote && (
          <p className="banner" role="status">
            {storageNote}
          </p>
        )}
        {storageProblem && (
          <p className="banner banner-error" role="alert">
            {storageProblem}
          </p>
        )}
        <LinkNotices />
        <ChangedElsewhereBanner onReload={() => window.location.reload()} />
        <ImportStatusBanner
          status={importStatus}
          onCancel={canCancelImport() ? () => void cancelImport() : undefined}
          onDownloadRejects={() => void downloadRejectedRows()}
          onEditMapping={canEditMapping() ? () => void editLastMapping() : undefined}
        />
        {importStatus.state === "mapping" ? (
          <MappingStep
            files={importStatus.files}
            plans={importStatus.plans}
            dealStagePlan={importStatus.dealStagePlan ?? null}
            onApply={(plans, stagePlan) => void applyMapping(importStatus.files, plans, stagePlan)}
            onCancel={() => void cancelImport()}
            onKindChange={proposeForKind}
          />
        ) : (
          <>
            {audit && <AuditPanel audit={audit} />}
            <Filters />
            <Tabs
              key={currency ?? "no-currency"}
              screens={[
                {
                  tab: "overview",
                  label: "Overview",
                  render: () => <Overview state={funnel} onImportClick={openPicker} />,
                },
                { tab: "leaks", label: "Leaks", render: () => <Leaks /> },
                { tab: "pipeline", label: "Pipeline", render: () => <PipelineScreen /> },
                { tab: "campaigns", label: "Campaigns", render: () => <Campaigns /> },
                { tab: "alignment", label: "Alignment", render: () => <AlignmentScreen /> },
              ]}
            />
          </>
        )}
      </main>
    </FileDropZone>
  );
}
