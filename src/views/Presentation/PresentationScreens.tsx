// The open deck and the print report: loaded on first use (src/views/lazyScreens.ts).

import { createPortal } from "react-dom";
import { DefinitionsButton } from "../Definitions/DefinitionsDialog";
import { PresentationMode } from "./PresentationMode";
import { PrintReport } from "./PrintReport";
import { usePresentationSlides } from "./slides";

export function Deck(props: { onClose: () => void }) {
  const state = usePresentationSlides();
  return createPortal(
    <PresentationMode
      slides={state.status === "ready" ? state.slides : []}
      status={state.status === "loading" ? "Preparing the slides…" : undefined}
      context={state.status === "ready" ? state.context : undefined}
      onClose={props.onClose}
      extraControls={<DefinitionsButton mode="read" className="deck-button" />}
    />,
    document.body,
  );
}

export function Report(props: { onDone: () => void }) {
  const state = usePresentationSlides();
  return (
    <>
      <span className="view-note" role="status">
        Preparing the report…
      </span>
      <PrintReport
        slides={state.status === "ready" ? state.slides : null}
        context={state.status === "ready" ? state.context : undefined}
        onDone={props.onDone}
      />
    </>
  );
}
