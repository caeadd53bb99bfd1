// How much the fixed 960 × 540 slide canvas is enlarged to fill the screen (2× on a 1080p projector).

import { useEffect, useState } from "react";

export const SLIDE_WIDTH = 960;
export const SLIDE_HEIGHT = 540;

/** The largest scale at which the whole slide fits the window (the controls float over its corner). */
export function viewportScale(width: number, height: number): number {
  const scale = Math.min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT);
  return scale > 0 ? scale : 1;
}

export function useViewportScale(): number {
  const [scale, setScale] = useState(() => viewportScale(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const update = () => setScale(viewportScale(window.innerWidth, window.innerHeight));
    update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return scale;
}
