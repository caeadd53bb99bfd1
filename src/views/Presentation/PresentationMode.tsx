// The full-screen deck: one slide at a time, moved with the arrow keys, clicks or buttons; Esc leaves.
// Full screen is asked for by the click that opens it (requestDeckFullscreen), never later.

import {
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from "react";
import type { OutputContextInput } from "../../model/outputContext";
import { type Slide, SlideView } from "./SlideView";
import { useViewportScale } from "./useViewportScale";
import "./presentation.css";

const FOCUSABLE = "button:not([disabled]), [href], summary, input, select, textarea, [tabindex='0']";

/** Keys that move the deck; Space only when it would not press a focused button. */
function moveFor(event: KeyboardEvent): "next" | "previous" | "first" | "last" | "leave" | null {
  switch (event.key) {
    case "ArrowRight":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "PageUp":
      return "previous";
    case " ": {
      const onControl =
        event.target instanceof Element && event.target.closest("button, summary, a, input, select");
      if (onControl) return null;
      return event.shiftKey ? "previous" : "next";
    }
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Escape":
      return "leave";
    default:
      return null;
  }
}

/** Follows full screen once it is entered (requestDeckFullscreen): leaving it leaves the deck too. */
function useFullscreen(onLeave: () => void) {
  const leave = useRef(onLeave);
  leave.current = onLeave;
  useEffect(() => {
    // Full screen may have been entered by the click before the deck's code had even loaded.
    let entered = document.fullscreenElement !== null && document.fullscreenElement !== undefined;
    // The browser consumes Esc in full screen and only leaves it: leaving full screen leaves the deck too.
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) leave.current();
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (document.fullscreenElement && typeof document.exitFullscreen === "function") {
        document.exitFullscreen().catch(() => undefined);
      }
    };
  }, []);
}

export interface PresentationModeProps {
  slides: readonly Slide[];
  onClose: () => void;
  /** Shown instead of a slide while there is none yet ("Preparing the slides…"). */
  status?: string;
  /** What the numbers are about: the footer of every slide. */
  context?: OutputContextInput;
  /** More buttons for the control strip (the definitions). */
  extraControls?: ReactNode;
}

export function PresentationMode(props: PresentationModeProps) {
  const { slides, onClose, status, context } = props;
  const total = slides.length;
  const [chosen, setChosen] = useState(0);
  const index = Math.min(chosen, Math.max(0, total - 1));
  const slide = slides[index];
  const dialog = useRef<HTMLDivElement>(null);
  const scale = useViewportScale();
  const close = useRef(onClose);
  close.current = onClose;
  useFullscreen(onClose);

  /** A slide position kept within the deck. */
  const clamp = (to: number) => Math.max(0, Math.min(total - 1, to));
  const next = () => setChosen(clamp(index + 1));
  const previous = () => setChosen(clamp(index - 1));

  // Focus moves into the deck on open and back to what opened it (the Present button) on close.
  useEffect(() => {
    const opener = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  // Keys are read at the document so they work wherever focus is (the deck covers the whole app).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      // Keys in a dialog over the deck (the definitions) are that dialog's: Esc closes it, not the deck.
      if (event.target instanceof Element && event.target.closest("dialog[open]")) return;
      const move = moveFor(event);
      if (move === null) return;
      event.preventDefault();
      const within = (to: number) => Math.max(0, Math.min(total - 1, to));
      if (move === "leave") close.current();
      else if (move === "first") setChosen(0);
      else if (move === "last") setChosen(within(total - 1));
      else setChosen((i) => within(within(i) + (move === "next" ? 1 : -1)));
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [total]);

  // Tab stays inside the modal deck.
  const trapTab = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return event.preventDefault();
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      ref={dialog}
      className="presentation"
      style={{ "--deck-scale": scale } as CSSProperties}
      role="dialog"
      aria-modal="true"
      aria-label="Presentation"
      tabIndex={-1}
      onKeyDown={trapTab}
    >
      <div className="presentation-stage">
        {slide ? (
          // Clicking the slide moves on; keyboard users have the arrow keys and the Next button.
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut duplicating the Next button
          // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled for the whole deck at the document
          <div className="presentation-canvas" style={{ transform: `scale(${scale})` }} onClick={next}>
            <SlideView slide={slide} number={index + 1} total={total} context={context} />
          </div>
        ) : (
          <p className="presentation-status" role="status">
            {status ?? "There is no slide to show: load data first."}
          </p>
        )}
      </div>
      {/* Large, full-contrast buttons in the strip each slide keeps free for them (presentation.css). */}
      <div className="presentation-controls">
        <button
          type="button"
          className="deck-button"
          onClick={previous}
          disabled={index === 0 || total === 0}
        >
          <span aria-hidden="true">‹ </span>Previous
        </button>
        <button type="button" className="deck-button" onClick={next} disabled={index >= total - 1}>
          Next<span aria-hidden="true"> ›</span>
        </button>
        {props.extraControls}
        <button type="button" className="deck-button" onClick={() => close.current()}>
          Leave presentation
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {slide ? `Slide ${index + 1} of ${total}: ${slide.headline}` : ""}
      </p>
    </div>
  );
}
