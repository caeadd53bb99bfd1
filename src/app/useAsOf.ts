// The loaded data's last day, asked once per dataset and shared by the date presets and comparisons.

import { useEffect, useState } from "react";
import { queryAsOf } from "../metrics/segments";
import { useAppStore } from "../store";
import { appEngine } from "./engine";

const byVersion = new Map<number, Promise<string | null>>();

/** The as-of day of dataset `version` (cached: it only changes with an import). */
export function asOfFor(version: number): Promise<string | null> {
  let answer = byVersion.get(version);
  if (!answer) {
    answer = appEngine().then(queryAsOf);
    byVersion.clear(); // only the current dataset matters
    byVersion.set(version, answer);
    answer.catch(() => byVersion.delete(version));
  }
  return answer;
}

/** Undefined while asking; null when the data has no dated record. */
export function useAsOf(): string | null | undefined {
  const version = useAppStore((s) => s.dataset?.version);
  const [asOf, setAsOf] = useState<{ version: number; value: string | null } | null>(null);
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    asOfFor(version).then(
      (value) => current && setAsOf({ version, value }),
      () => current && setAsOf({ version, value: null }),
    );
    return () => {
      current = false;
    };
  }, [version]);
  return asOf !== null && asOf.version === version ? asOf.value : undefined;
}
