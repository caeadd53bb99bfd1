// The header's "Present" and "Print report" buttons, and the deck or the report while one is open.

import { useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useAppStore } from "../../store";
import { PresentationMode } from "./PresentationMode";
import { PrintReport } from "./PrintReport";
import { usePresentationSlides } from "./slides";

function Deck(props: { onClose: () => void }) {
  const state = usePresentationSlides();
  return createPortal(
    <PresentationMode
      slides={state.status === "ready" ? state.slides : []}
      status={state.status === "loading" ? "Preparing the slides…" : undefined}
      onClose={props.onClose}
    />,
    document.body,
  );
}

function Report(props: { onDone: () => void }) {
  const state = usePresentationSlides();
  return (
    <>
      <span className="view-note" role="status">
        Preparing the report…
      </span>
      <PrintReport slides={state.status === "ready" ? state.slides : null} onDone={props.onDone} />
    </>
  );
}

/** Takes no props: reads the loaded data and the shared filters from the store, like every screen. */
export function PresentationLauncher() {
  const dataset = useAppStore((s) => s.dataset);
  const [mode, setMode] = useState<"idle" | "presenting" | "printing">("idle");
  const presentButton = useRef<HTMLButtonElement>(null);
  const noData = !dataset;
  return (
    <>
      <button
        ref={presentButton}
        type="button"
        className="button"
        disabled={noData}
        onClick={() => setMode("presenting")}
      >
        Present
      </button>
      <button
        type="button"
        className="button"
        disabled={noData || mode === "printing"}
        onClick={() => setMode("printing")}
      >
        Print report
      </button>
      {mode === "presenting" && (
        <Deck
          onClose={() => {
            setMode("idle");
            presentButton.current?.focus();
          }}
        />
      )}
      {mode === "printing" && <Report onDone={() => setMode("idle")} />}
    </>
  );
}
