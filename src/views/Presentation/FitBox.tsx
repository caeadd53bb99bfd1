// Shrinks its content to the height it is given, so a tall chart (many campaigns) still fits one slide.

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * The content keeps its layout size (charts measure their width from it) and is scaled down with a
 * transform when taller than the box. Without ResizeObserver (jsdom) nothing is scaled.
 */
export function FitBox(props: { className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);

  useEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (!outer || !inner || typeof ResizeObserver === "undefined") return;
    const fit = () => {
      const natural = inner.offsetHeight;
      const available = outer.clientHeight;
      // A box not laid out yet (0 high) says nothing: never shrink the chart away.
      setScale(available > 0 && natural > available ? available / natural : 1);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(outer);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} className={props.className}>
      <div
        ref={content}
        className="fit-box-content"
        style={scale < 1 ? { transform: `scale(${scale})` } : undefined}
      >
        {props.children}
      </div>
    </div>
  );
}
