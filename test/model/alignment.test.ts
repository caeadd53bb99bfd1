// The alignment model from hand-built rates: which parts the score averages, what it says about parts the
// data never records, and when a comparison between groups rests on too few leads to judge.
import { describe, expect, it } from "vitest";
import {
  rate,
  scoreFormula,
  scoreWithParts,
  slaHeadline,
  slaTracked,
  tooFewToCompare,
} from "../../src/model/alignment";

const NONE = rate(0, 0);

describe("alignment score", () => {
  it("averages only the parts that have a rate: contact 2 of 3 alone gives 66.7 %, on too few leads", () => {
    const score = scoreWithParts({ review: NONE, contact: rate(2, 3), feedback: NONE, acceptance: NONE });
    expect(score.parts).toEqual(["contact"]);
    expect(score.value).toBeCloseTo(2 / 3, 10);
    expect(score.tooFew).toBe(true);
  });

  it("averages contact 40 of 50 and acceptance 45 of 50 to 85 %, enough to judge", () => {
    // (0.8 + 0.9) ÷ 2 = 0.85; both parts rest on 50 leads.
    const score = scoreWithParts({
      review: NONE,
      contact: rate(40, 50),
      feedback: NONE,
      acceptance: rate(45, 50),
    });
    expect(score.value).toBeCloseTo(0.85, 10);
    expect(score).toMatchObject({ parts: ["contact", "acceptance"], tooFew: false });
  });

  it("states the formula over the tracked parts and names the untracked ones with the reason", () => {
    const contactOnly = { review: false, contact: true, feedback: false, acceptance: false };
    expect(scoreFormula(contactOnly)).toBe(
      "Alignment score = contact-SLA %, its only tracked part; not tracked, so left out: review SLA: no sales review (sales_review) events in the data; feedback SLA: no sales feedback (sales_feedback) events in the data; acceptance: no lead in the data has a SAL (sales-accepted) date. A part with no hand-offs due is left out of the mean.",
    );
    const noReview = { review: false, contact: true, feedback: true, acceptance: true };
    expect(scoreFormula(noReview)).toBe(
      "Alignment score = (contact-SLA % + feedback-SLA % + acceptance %) ÷ 3, its tracked parts only; not tracked, so left out: review SLA: no sales review (sales_review) events in the data. A part with no hand-offs due is left out of the mean.",
    );
    expect(scoreFormula({ review: false, contact: false, feedback: false, acceptance: false })).toBe(
      "No alignment score: none of its parts is tracked (review SLA: no sales review (sales_review) events in the data; contact SLA: no sales contact (sales_contact) events in the data; feedback SLA: no sales feedback (sales_feedback) events in the data; acceptance: no lead in the data has a SAL (sales-accepted) date).",
    );
  });

  it("has an SLA only when a review, contact or feedback step is tracked", () => {
    expect(slaTracked({ review: false, contact: false, feedback: false, acceptance: true })).toBe(false);
    expect(slaTracked({ review: false, contact: false, feedback: true, acceptance: false })).toBe(true);
  });
});

describe("comparisons between groups", () => {
  it("are too few to judge when either side has fewer than 20 leads, none included", () => {
    expect(tooFewToCompare(rate(10, 20), rate(5, 20))).toBe(false);
    expect(tooFewToCompare(rate(10, 19), rate(50, 100))).toBe(true);
    expect(tooFewToCompare(rate(50, 100), rate(0, 0))).toBe(true);
  });

  it("never state a win-rate gap between a team and the others from 5 opportunities", () => {
    const team = (name: string, met: number, due: number, won: number, opps: number) => ({
      team: name,
      slaCompliance: rate(met, due),
      winRate: rate(won, opps),
    });
    // Regional 40 of 100 within SLA (below the 90 % goal) is named; its win rate rests on 5 opportunities,
    // so 2 of 5 (40 %) against the others' 30 of 100 is not read as "10 points higher".
    expect(slaHeadline([team("Enterprise", 95, 100, 30, 100), team("Regional", 40, 100, 2, 5)], 0.9)).toBe(
      "Regional misses the hand-off SLA: 40.0 % of its hand-offs within SLA (goal 90.0 %). Its win rate against the other teams': too few to judge (2 of 5 opportunities won, against 30 of 100; fewer than 20 on a side).",
    );
  });
});
