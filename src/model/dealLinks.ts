// How the imported deals link to the lead file's leads, said in words on the Overview: the funnel counts
// leads (a lead with several deals once), the Pipeline counts deals, and a deal that links to no lead
// becomes a record of its own that the funnel counts as a lead that skipped the stages before opportunity.

import { formatCount } from "./format";

/** Workspace-wide counts of the `deals` table against the lead file (metrics/dealLinks.ts). */
export interface DealLinkCounts {
  /** Every deal imported with stage history (the `deals` table). */
  deals: number;
  /** Deals whose link value is the id of a lead of the lead file. */
  linkedDeals: number;
  /** Deals with no link value (no lead/contact column, or an empty cell). */
  withoutLinkValue: number;
  /** Deals whose link value no lead of the lead file has (e.g. an email where leads are keyed by id). */
  unmatchedLinkValue: number;
  /** The distinct leads the linked deals belong to. */
  linkedLeads: number;
  /** Of those, the leads with more than one linked deal. */
  leadsWithSeveralDeals: number;
  /**
   * The funnel records the unlinked deals make: a deal without a link value is keyed by its deal id, one
   * with an unmatched value by that value (deals sharing it are one record); a deal with no date is none.
   */
  unlinkedRecords: number;
  /** Deals without a link value whose deal id is also a lead's id: the funnel counts them as that lead's. */
  dealIdIsLeadId: number;
  /** Whether the workspace holds lead records at all (a lead file or activity log, not deals alone). */
  leadRecords: boolean;
}

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "(1 has no link value, 2 a value no lead has)": only the kinds there are. */
function unlinkedKinds(withoutValue: number, unmatched: number): string {
  const total = withoutValue + unmatched;
  if (unmatched === 0) return total === 1 ? "it has no link value" : "none has a link value";
  if (withoutValue === 0)
    return total === 1 ? "its link value is no lead's" : "their link values are no lead's";
  return `${formatCount(withoutValue)} ${withoutValue === 1 ? "has" : "have"} no link value, ${formatCount(unmatched)} a value no lead has`;
}

/**
 * What the Overview says about the deals beside the funnel: nothing when there is no deal or no lead file
 * (a deals-only workspace has nothing to reconcile: its funnel counts deals), else only what is non-zero.
 */
export function dealLinkSentences(counts: DealLinkCounts): string[] {
  if (counts.deals === 0 || !counts.leadRecords) return [];
  const sentences: string[] = [];
  if (counts.linkedDeals > 0) {
    const several = counts.leadsWithSeveralDeals;
    const detail =
      several > 0
        ? ` (${count(several, "lead has", "leads have")} more than one deal; a lead counts once, as won when any of its deals is won)`
        : "";
    sentences.push(
      `The funnel counts leads, the Pipeline counts deals: the ${count(counts.linkedDeals, "deal", "deals")} linked to a lead ` +
        `in the lead file ${counts.linkedDeals === 1 ? "belongs" : "belong"} to ${count(counts.linkedLeads, "lead", "leads")}${detail}.`,
    );
  }
  const unlinked = counts.withoutLinkValue + counts.unmatchedLinkValue;
  if (unlinked > 0) {
    const records = counts.unlinkedRecords;
    const skipped =
      "that skipped the stages before opportunity, which lifts the conversion rates of the steps before it";
    const effect =
      records === 0
        ? `${unlinked === 1 ? "it does not count" : "none of them counts"} in the funnel as a lead of its own`
        : records === unlinked
          ? `${unlinked === 1 ? "it counts" : "each counts"} as a lead of its own ${skipped}`
          : `the funnel counts ${unlinked === 1 ? "it" : "them"} as ${count(records, "lead", "leads")} ` +
            `of ${records === 1 ? "its" : "their"} own ${skipped}`;
    sentences.push(
      `${count(unlinked, "deal links", "deals link")} to no lead in the lead file ` +
        `(${unlinkedKinds(counts.withoutLinkValue, counts.unmatchedLinkValue)}): ${effect}.`,
    );
  }
  if (counts.dealIdIsLeadId > 0) {
    const n = counts.dealIdIsLeadId;
    sentences.push(
      `${count(n, "deal", "deals")} without a link value ${n === 1 ? "has" : "have"} the ID of a lead in the lead file, ` +
        `so the funnel counts ${n === 1 ? "it as that lead's deal" : "them as those leads' deals"}.`,
    );
  }
  return sentences;
}
