// Full screen for the deck, asked for by the click that opens it (kept out of the deck's lazy chunk, so
// the header's Present button can call it without loading the deck).

/**
 * Asks for full screen on the whole page (the deck is drawn into it as soon as its slides are ready).
 * Must run inside the click: browsers grant full screen only during a user gesture, and the slides come
 * seconds later, once their queries answer. A refusal (iframe, kiosk, policy) keeps the window.
 */
export function requestDeckFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== "function") return;
  root.requestFullscreen().catch(() => undefined);
}
