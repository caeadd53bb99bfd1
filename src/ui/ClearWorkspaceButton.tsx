// "Clear workspace" asks first: it deletes the kept data, settings and remembered mappings in one go.

import { useEffect, useRef, useState } from "react";

export function ClearWorkspaceButton(props: { disabled: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The safe choice takes the focus, so Enter right after the first click keeps everything.
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="button" disabled={props.disabled} onClick={() => setAsking(true)}>
        Clear workspace…
      </button>
    );
  return (
    <span
      className="confirm-clear"
      role="alertdialog"
      aria-label="Clear workspace?"
      aria-describedby="confirm-clear-text"
      onKeyDown={(event) => event.key === "Escape" && setAsking(false)}
    >
      <span id="confirm-clear-text">
        Delete the loaded data, your settings and remembered mappings from this browser and show the sample?
      </span>{" "}
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        Delete
      </button>{" "}
      <button type="button" className="button" ref={keepRef} onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
