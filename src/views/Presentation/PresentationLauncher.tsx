// The header's "Present" and "Print report" buttons, and the deck or the report while one is open.

import { Suspense, useRef, useState } from "react";
import { useAppStore } from "../../store";
import { LazyDeck as Deck, LazyReport as Report } from "../lazyScreens";

const PREPARING = (
  <span className="view-note" role="status">
    Preparing the slides…
  </span>
);

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
        <Suspense fallback={PREPARING}>
          <Deck
            onClose={() => {
              setMode("idle");
              presentButton.current?.focus();
            }}
          />
        </Suspense>
      )}
      {mode === "printing" && (
        <Suspense fallback={PREPARING}>
          <Report onDone={() => setMode("idle")} />
        </Suspense>
      )}
    </>
  );
}
