// The header's "Present", "Print report" and "Definitions" buttons, and the deck or the report while one is open.

import { Suspense, useRef, useState } from "react";
import { useAppStore } from "../../store";
import { DefinitionsButton } from "../Definitions/DefinitionsDialog";
import { LazyDeck as Deck, LazyReport as Report } from "../lazyScreens";
import { requestDeckFullscreen } from "./deckFullscreen";

/** Shown while the deck's code loads (src/views/lazyScreens.ts). */
function preparing(what: "slides" | "report") {
  return (
    <span className="view-note" role="status">
      Preparing the {what}…
    </span>
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
        onClick={() => {
          // Inside the click: the browser grants full screen only to a user gesture (the slides come later).
          requestDeckFullscreen();
          setMode("presenting");
        }}
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
      {/* The team's stage definitions, one click away on every screen. */}
      <DefinitionsButton mode="edit" />
      {mode === "presenting" && (
        <Suspense fallback={preparing("slides")}>
          <Deck
            onClose={() => {
              setMode("idle");
              presentButton.current?.focus();
            }}
          />
        </Suspense>
      )}
      {mode === "printing" && (
        <Suspense fallback={preparing("report")}>
          <Report onDone={() => setMode("idle")} />
        </Suspense>
      )}
    </>
  );
}
