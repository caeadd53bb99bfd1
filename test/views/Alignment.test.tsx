// @vitest-environment jsdom
// The Alignment screen and slide from hand-built hand-off numbers: parts the data never records say "not
// tracked" and why (cells keep data-team, data-metric and an empty data-value), no SLA figure or headline
// without a tracked step, and every comparison between groups under 20 leads says "too few to judge".
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Alignment, HandoffGroup } from "../../src/metrics/alignment";
import {
  DEFAULT_ALIGNMENT,
  type HandoffTracking,
  type Rate,
  rate,
  scoreWithParts,
} from "../../src/model/alignment";
import { AlignmentReport } from "../../src/views/Alignment/AlignmentReport";
import { alignmentSlide } from "../../src/views/Presentation/slides";

const NONE = rate(0, 0);

/** A group of hand-offs; the score is the model's mean of whichever parts have a rate. */
type RateField = {
  [K in keyof HandoffGroup]: HandoffGroup[K] extends Rate ? K : never;
}[keyof HandoffGroup];

function group(key: string, handoffs: number, rates: Partial<Record<RateField, Rate>> = {}) {
  const base = {
    key,
    subKey: null,
    handoffs,
    medianReviewHours: null,
    medianContactHours: null,
    medianFeedbackHours: null,
    reviewSla: NONE,
    contactSla: NONE,
    feedbackSla: NONE,
    slaCompliance: NONE,
    acceptance: NONE,
    rejected: 0,
    awaiting: 0,
    neverTouched: 0,
    contactedBeforeMql: 0,
    mqlToSql: NONE,
    sqlToOpportunity: NONE,
    winRate: NONE,
    closedWinRate: NONE,
    customers: NONE,
    won: 0,
    revenue: 0,
    revenuePerHandoff: null,
    ...rates,
  };
  const score = scoreWithParts({
    review: base.reviewSla,
    contact: base.contactSla,
    feedback: base.feedbackSla,
    acceptance: base.acceptance,
  });
  const built: HandoffGroup = {
    ...base,
    alignmentScore: score.value,
    scoreParts: score.parts,
    scoreTooFew: score.tooFew,
  };
  return built;
}

function alignment(tracking: HandoffTracking, parts: Partial<Alignment>): Alignment {
  return {
    total: null,
    teams: [],
    owners: [],
    months: [],
    bySla: [],
    byContactBucket: [],
    byRouting: [],
    misrouted: [],
    skippedMql: 0,
    tracking,
    outcomeTracking: { sql: true, opportunity: true, deal: true },
    ...parts,
  };
}

const cell = (container: HTMLElement, team: string, metric: string) => {
  const found = container.querySelector<HTMLElement>(`td[data-team="${team}"][data-metric="${metric}"]`);
  if (!found) throw new Error(`no ${metric} cell for ${team}`);
  return found;
};

/*
 * test/fixtures/alignment-untracked.csv as queryAlignment returns it (worked in test/metrics/alignment.test.ts):
 * review, feedback and acceptance not tracked; contact tracked.
 * Enterprise: 3 hand-offs, contact 2 of 3 (median 6 h), SLA 2 of 3, score = contact only = 66.7 %, win 1 of 2.
 * Regional:   3 hand-offs, contact 0 of 2, SLA 0 of 2, score 0 %, win 1 of 1.
 */
const CONTACT_ONLY = { review: false, contact: true, feedback: false, acceptance: false };
const untrackedFixture = () =>
  alignment(CONTACT_ONLY, {
    teams: [
      {
        ...group("Enterprise", 3, {
          contactSla: rate(2, 3),
          slaCompliance: rate(2, 3),
          winRate: rate(1, 2),
        }),
        medianContactHours: 6,
      },
      group("Regional", 3, { contactSla: rate(0, 2), slaCompliance: rate(0, 2), winRate: rate(1, 1) }),
    ],
  });

describe("parts the data never records", () => {
  it("say 'not tracked' and why, with data-value present and empty, in every scorecard cell they touch", () => {
    const { container } = render(
      <AlignmentReport alignment={untrackedFixture()} settings={DEFAULT_ALIGNMENT} />,
    );
    for (const team of ["Enterprise", "Regional"]) {
      const review = cell(container, team, "median_review_hours");
      expect(review.getAttribute("data-value")).toBe("");
      expect(review.textContent).toBe("not tracked: no sales review (sales_review) events in the data");
      const feedback = cell(container, team, "median_feedback_hours");
      expect(feedback.getAttribute("data-value")).toBe("");
      expect(feedback.textContent).toBe("not tracked: no sales feedback (sales_feedback) events in the data");
      const acceptance = cell(container, team, "acceptance");
      expect(acceptance.getAttribute("data-value")).toBe("");
      expect(acceptance.textContent).toBe("not tracked: no lead in the data has a SAL (sales-accepted) date");
    }
    // SLA judged on contact alone: Enterprise 2 of 3, Regional 0 of 2 (not 0 % from missed reviews).
    expect(Number(cell(container, "Enterprise", "sla_compliance").dataset.value)).toBeCloseTo(2 / 3, 10);
    expect(cell(container, "Regional", "sla_compliance").dataset.value).toBe("0");
    // The score is contact's 2 of 3 alone (not (0 + 66.7 + 0 + 100) ÷ 4) and says so.
    const score = cell(container, "Enterprise", "alignment_score");
    expect(Number(score.dataset.value)).toBeCloseTo(2 / 3, 10);
    expect(score.textContent).toContain("66.7 %");
    expect(score.textContent).toContain("mean of contact SLA only");
    // Every scorecard cell keeps the contract's three attributes.
    const cells = container.querySelectorAll(".alignment-scorecard tbody td");
    expect(cells).toHaveLength(2 * 8);
    for (const td of cells) {
      expect(td.hasAttribute("data-team")).toBe(true);
      expect(td.hasAttribute("data-metric")).toBe(true);
      expect(td.hasAttribute("data-value")).toBe(true);
    }
    expect(container.querySelector("[data-not-tracked]")?.getAttribute("data-not-tracked")).toBe(
      "review feedback acceptance",
    );
    expect(screen.getByText(/^Alignment score = contact-SLA %, its only tracked part;/)).toBeTruthy();
  });

  it("give no SLA figure and no 'misses the hand-off SLA' headline when no step is tracked", () => {
    // 25 hand-offs per team (enough to judge), acceptance tracked: 20 of 25 and 10 of 25.
    const data = alignment(
      { review: false, contact: false, feedback: false, acceptance: true },
      {
        teams: [
          group("Enterprise", 25, { acceptance: rate(20, 25) }),
          group("Regional", 25, { acceptance: rate(10, 25) }),
        ],
        bySla: [group("not_tracked", 50)],
      },
    );
    const { container } = render(<AlignmentReport alignment={data} settings={DEFAULT_ALIGNMENT} />);
    expect(container.querySelector('[data-headline="alignment"]')?.textContent).toBe(
      "The hand-off SLA is not tracked: no sales review, contact or feedback events (sales_review, sales_contact, sales_feedback) in the data, so no hand-off can be timed.",
    );
    expect(container.textContent).not.toContain("misses the hand-off SLA");
    for (const team of ["Enterprise", "Regional"]) {
      const sla = cell(container, team, "sla_compliance");
      expect(sla.getAttribute("data-value")).toBe("");
      expect(sla.textContent).toContain("not tracked: no sales review, contact or feedback events");
    }
    // The score is acceptance alone: 20 ÷ 25 = 80 %, 10 ÷ 25 = 40 %, and they can be ranked.
    expect(Number(cell(container, "Enterprise", "alignment_score").dataset.value)).toBeCloseTo(0.8, 10);
    expect(
      screen.getByText("Enterprise is the best-aligned team (score 80.0 %), Regional the least (40.0 %)"),
    ).toBeTruthy();
    expect(container.querySelector('[data-sla-outcomes="not-tracked"]')).not.toBeNull();
    expect(container.querySelector('[data-contact-buckets="not-tracked"]')).not.toBeNull();
    expect(container.querySelector("[data-uplift]")).toBeNull();
    expect(container.textContent).not.toContain("SLA compliance by owner");
  });
});

describe("comparisons between groups of fewer than 20 leads", () => {
  const every = { review: true, contact: true, feedback: true, acceptance: true };

  it("say too few to judge instead of a measured uplift or win-rate gap (4 of 5 against 1 of 5)", () => {
    // Win rate 80 % against 20 % would read as +300.0 % uplift; revenue per hand-off 9,000 against 2,000.
    const met = {
      ...group("met", 8, { winRate: rate(4, 5), customers: rate(4, 8) }),
      revenuePerHandoff: 9000,
    };
    const missed = {
      ...group("missed", 6, { winRate: rate(1, 5), customers: rate(1, 6) }),
      revenuePerHandoff: 2000,
    };
    const data = alignment(every, {
      teams: [group("Enterprise", 14, { slaCompliance: rate(8, 14), acceptance: rate(10, 14) })],
      bySla: [met, missed],
    });
    const { container } = render(<AlignmentReport alignment={data} settings={DEFAULT_ALIGNMENT} />);
    expect(container.textContent).not.toContain("+300.0 %");
    expect(container.textContent).not.toContain("+350.0 %");
    for (const id of ["win_rate", "customers", "revenue"]) {
      const row = container.querySelector<HTMLElement>(`tr[data-uplift="${id}"]`);
      expect(row?.dataset.value).toBe("");
      expect(row?.textContent).toContain("too few to judge (fewer than 20 on a side)");
    }
    // The small sides are shown as counts, never a bare percentage.
    expect(container.querySelector('tr[data-uplift="win_rate"]')?.textContent).toContain("4 of 5");
    expect(
      screen.getByText(
        "Win rate within against outside the SLA: too few to judge (4 of 5 opportunities won within SLA, 1 of 5 outside; fewer than 20 on a side)",
      ),
    ).toBeTruthy();
  });

  it("measure the uplift once each side has 20 or more leads (30 of 60 against 20 of 80 = +100.0 %)", () => {
    // 0.5 ÷ 0.25 − 1 = 1.0.
    const met = group("met", 100, { winRate: rate(30, 60), customers: rate(30, 100) });
    const missed = group("missed", 100, { winRate: rate(20, 80), customers: rate(20, 100) });
    const data = alignment(every, {
      teams: [group("Enterprise", 200, { slaCompliance: rate(100, 200), acceptance: rate(150, 200) })],
      bySla: [met, missed],
    });
    const { container } = render(<AlignmentReport alignment={data} settings={DEFAULT_ALIGNMENT} />);
    const row = container.querySelector<HTMLElement>('tr[data-uplift="win_rate"]');
    expect(Number(row?.dataset.value)).toBeCloseTo(1, 10);
    expect(row?.textContent).toContain("+100.0 %");
    expect(
      screen.getByText(
        "Hand-offs within SLA win 50.0 % of opportunities, against 25.0 % when the SLA is missed",
      ),
    ).toBeTruthy();
  });

  it("say too few to judge for contact buckets, team against team and mis-routed against routed right", () => {
    // Contacted within 24 h: 3 of 4 became SQL; after 24 h: 1 of 3. Teams: 5 and 4 hand-offs.
    // Mis-routed: 1 of 2 accepted against 6 of 7 routed right.
    const data = alignment(every, {
      teams: [
        group("Enterprise", 5, { slaCompliance: rate(4, 5), acceptance: rate(5, 5), reviewSla: rate(5, 5) }),
        group("Regional", 4, { slaCompliance: rate(1, 4), acceptance: rate(3, 4), reviewSla: rate(2, 4) }),
      ],
      byContactBucket: [
        group("under_1h", 1, { mqlToSql: rate(1, 1) }),
        group("1_4h", 1, { mqlToSql: rate(1, 1) }),
        group("4_24h", 2, { mqlToSql: rate(1, 2) }),
        group("1_3d", 2, { mqlToSql: rate(1, 2) }),
        group("over_3d", 1, { mqlToSql: rate(0, 1) }),
        group("never", 2, { mqlToSql: rate(0, 2) }),
      ],
      byRouting: [
        group("as_routed", 7, { acceptance: rate(6, 7) }),
        group("misrouted", 2, { acceptance: rate(1, 2) }),
      ],
      total: group("all", 9),
    });
    const { container } = render(<AlignmentReport alignment={data} settings={DEFAULT_ALIGNMENT} />);
    expect(
      screen.getByText(
        "Leads contacted within 24 h against after 24 h: too few to judge (3 of 4 became SQL within 24 h, 1 of 3 after; fewer than 20 on a side)",
      ),
    ).toBeTruthy();
    expect(container.querySelector(".alignment-scorecard caption")?.textContent).toBe(
      "Hand-off scorecard by team: which team is best aligned is too few to judge (a score resting on fewer than 20 leads is not compared)",
    );
    expect(container.querySelector("[data-misrouted]")?.textContent).toBe(
      "2 of 9 hand-offs went to another team than their company size calls for; their acceptance against those routed right is too few to judge (1 of 2 accepted, against 6 of 7; fewer than 20 on a side), and 0 became customers.",
    );
  });

  it("print no percentage for 0 of 0: a team without opportunities shows — and says so", () => {
    const data = alignment(every, {
      teams: [group("Inside Sales", 3, { slaCompliance: rate(1, 2), acceptance: rate(2, 3) })],
    });
    const { container } = render(<AlignmentReport alignment={data} settings={DEFAULT_ALIGNMENT} />);
    const win = cell(container, "Inside Sales", "opportunity_win_rate");
    expect(win.dataset.value).toBe("");
    expect(win.textContent).toBe("—no opportunities");
    expect(win.textContent).not.toContain("%");
  });
});

describe("outcomes through stages the data never records", () => {
  it("say 'not tracked' and why instead of a win rate, an uplift or revenue", () => {
    // No opportunity dates in the workspace: win rate is 0 of 0 everywhere and says why.
    const met = group("met", 30, { customers: rate(6, 30) });
    const missed = group("missed", 30, { customers: rate(3, 30) });
    const data: Alignment = {
      ...alignment(
        { review: true, contact: true, feedback: true, acceptance: true },
        {
          teams: [group("Enterprise", 60, { slaCompliance: rate(30, 60), acceptance: rate(50, 60) })],
          bySla: [met, missed],
        },
      ),
      outcomeTracking: { sql: true, opportunity: false, deal: true },
    };
    const { container } = render(<AlignmentReport alignment={data} settings={DEFAULT_ALIGNMENT} />);
    const win = cell(container, "Enterprise", "opportunity_win_rate");
    expect(win.dataset.value).toBe("");
    expect(win.textContent).toBe("not tracked: no lead in the data has an opportunity date");
    const winUplift = container.querySelector<HTMLElement>('tr[data-uplift="win_rate"]');
    expect(winUplift?.dataset.value).toBe("");
    expect(winUplift?.textContent).toContain("not tracked: no lead in the data has an opportunity date");
    // Customers are recorded: 6 of 30 (20 %) against 3 of 30 (10 %) = +100.0 %.
    const customers = container.querySelector<HTMLElement>('tr[data-uplift="customers"]');
    expect(Number(customers?.dataset.value)).toBeCloseTo(1, 10);
  });
});

describe("the alignment slide", () => {
  it("shows acceptance alone, with no SLA figure, when no review, contact or feedback is recorded", () => {
    // 50 hand-offs, acceptance 40 of 50 = 80 %: the score is acceptance alone.
    const teams = [
      group("Enterprise", 25, { acceptance: rate(20, 25) }),
      group("Regional", 25, { acceptance: rate(20, 25) }),
    ];
    const data = alignment(
      { review: false, contact: false, feedback: false, acceptance: true },
      { teams, total: group("all", 50, { acceptance: rate(40, 50) }) },
    );
    const slide = alignmentSlide(data, DEFAULT_ALIGNMENT);
    expect(slide?.headline).toBe(
      "The hand-off SLA is not tracked: no sales review, contact or feedback events (sales_review, sales_contact, sales_feedback) in the data, so no hand-off can be timed",
    );
    expect(slide?.detail).toBe(
      "Alignment score 80.0 % over 50 hand-offs (mean of acceptance; review SLA, contact SLA and feedback SLA not tracked).",
    );
    // A slide's chart is drawn for the height the slide leaves it.
    render(<div>{typeof slide?.chart === "function" ? slide.chart(320) : slide?.chart}</div>);
    expect(screen.getByText("Accepted by sales (goal ≥ 80.0 %), by team")).toBeTruthy();
    expect(screen.queryByText("Within SLA")).toBeNull();
    expect(screen.getAllByText("Accepted by sales")).toHaveLength(1);
  });

  it("is left out when the data records neither an SLA step nor acceptance", () => {
    const data = alignment(
      { review: false, contact: false, feedback: false, acceptance: false },
      { teams: [group("Enterprise", 25)], total: group("all", 25) },
    );
    expect(alignmentSlide(data, DEFAULT_ALIGNMENT)).toBeNull();
  });
});
