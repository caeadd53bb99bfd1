// The stage definitions in force: the team's edits over the standard wording for the current scoring.

import { useMemo } from "react";
import { resolveDefinitions, type StageDefinitions } from "../model/definitions";
import { useAppStore } from "../store";

export function useDefinitions(): StageDefinitions {
  const edits = useAppStore((s) => s.definitions);
  const mqlThreshold = useAppStore((s) => s.scoring.mqlThreshold);
  const sqlReadyThreshold = useAppStore((s) => s.scoring.sqlReadyThreshold);
  return useMemo(
    () => resolveDefinitions(edits, { mqlThreshold, sqlReadyThreshold }),
    [edits, mqlThreshold, sqlReadyThreshold],
  );
}
