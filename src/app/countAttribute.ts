// Keeps `html[data-count]` equal to the way of counting on show (README, public contract), so tests and
// print styles can tell cohort counts from in-period ones.

import { useLayoutEffect } from "react";
import type { CountMode } from "../model/counting";
import { useAppStore } from "../store";

/** Call once in the shell. */
export function useCountAttribute(): CountMode {
  const count = useAppStore((s) => s.count);
  useLayoutEffect(() => {
    document.documentElement.dataset.count = count;
  }, [count]);
  return count;
}
