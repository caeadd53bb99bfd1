// Measures a chart container's width so charts fit their column; a fixed width skips measuring.

import { type RefObject, startTransition, useEffect, useRef, useState } from "react";

/**
 * Returns a ref for the container and its width in pixels. Where ResizeObserver is missing (jsdom)
 * the width stays 0 and charts render only their text alternative instead of a 0×0 SVG.
 */
export function useMeasuredWidth<T extends HTMLElement>(fixedWidth?: number): [RefObject<T | null>, number] {
  const container = useRef<T>(null);
  const [measured, setMeasured] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (fixedWidth !== undefined || !element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // A transition: redrawing every chart at a new width (a scrollbar came or went) is done in slices.
      startTransition(() => setMeasured(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fixedWidth]);

  return [container, fixedWidth ?? measured];
}
