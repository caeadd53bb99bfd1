// The Definitions button and the dialog it opens: the team's stage definitions one click away from
// every screen (editable, in the header) and from the deck (read in large type over the slide).

import { useId, useRef } from "react";
import { useDefinitions } from "../../app/useDefinitions";
import { DefinitionsList, DefinitionsPanel } from "./DefinitionsPanel";
import "./definitions.css";

/**
 * `mode`: "edit" (the panel, from the header) or "read" (the list, from the deck). A native modal
 * dialog: it sits in the browser's top layer, so it shows above the deck in full screen too, keeps
 * focus inside, and Esc closes it (and only it).
 */
export function DefinitionsButton(props: { mode: "edit" | "read"; className?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const definitions = useDefinitions();
  const open = () => {
    const element = dialog.current;
    if (!element || element.open) return;
    if (typeof element.showModal === "function") element.showModal();
    else element.setAttribute("open", "");
  };
  const close = () => {
    const element = dialog.current;
    if (!element) return;
    if (typeof element.close === "function") element.close();
    else element.removeAttribute("open");
  };
  return (
    <>
      <button type="button" className={props.className ?? "button"} onClick={open} aria-haspopup="dialog">
        Definitions
      </button>
      <dialog
        ref={dialog}
        className={`definitions-dialog definitions-dialog-${props.mode}`}
        aria-labelledby={titleId}
        // The deck reads keys at the document: keys typed here are the dialog's, not the deck's.
        onKeyDown={(event) => event.stopPropagation()}
      >
        <div className="definitions-dialog-head">
          <h2 id={titleId}>Stage definitions</h2>
          <button type="button" className="button" onClick={close}>
            Close
          </button>
        </div>
        {props.mode === "edit" ? (
          <DefinitionsPanel headed={false} />
        ) : (
          <DefinitionsList definitions={definitions} className="definitions-read" />
        )}
      </dialog>
    </>
  );
}
