// Beside the funnel, when a lead file and deals are imported together: why the Overview (leads) and the
// Pipeline (deals) differ, and how many deals linked to no lead (model/dealLinks.ts says it).

import { dealLinksMetric } from "../../metrics/dealLinks";
import { dealLinkSentences } from "../../model/dealLinks";
import { useQuery } from "../../queries/useQuery";

export function DealLinkNote() {
  const state = useQuery(dealLinksMetric, undefined);
  if (state.status !== "ready") return null;
  const sentences = dealLinkSentences(state.data);
  if (sentences.length === 0) return null;
  return (
    <p className="view-note" data-deal-links>
      {sentences.join(" ")}
    </p>
  );
}
