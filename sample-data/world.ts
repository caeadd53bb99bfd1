// Seeded, pure world model for the sample activity log: leads, marketing touches, sales hand-offs and deals.

export const ACTIVITIES = [
  "page_view",
  "ad_click",
  "social_engagement",
  "event_attended",
  "email_open",
  "email_click",
  "newsletter_signup",
  "content_download",
  "webinar",
  "form_submit",
  "pricing_visit",
  "demo_request",
  "trial_start",
  "chat",
  "quote_request",
  "became_lead",
  "became_mql",
  "sales_review",
  "sales_accepted",
  "sales_rejected",
  "sales_contact",
  "sales_feedback",
  "became_sql",
  "opportunity_created",
  "deal_won",
  "deal_lost",
] as const;

export type Activity = (typeof ACTIVITIES)[number];
export type Team = "Enterprise" | "Regional" | "Inside Sales";
export type CompanySize = "1-99" | "100-999" | "1000+";

export const CSV_HEADER =
  "lead_id,occurred_at,activity,campaign,channel,owner,team,company_size,industry,region,role,amount,duration_s";

/** First instant of the simulated world (UTC-naive, epoch seconds). */
export const WORLD_START = Date.UTC(2025, 0, 1) / 1000;
/** Last instant of the simulated world; nothing is emitted after it, so the latest row is the as-of date. */
export const WORLD_END = Date.UTC(2026, 5, 30, 23, 59, 59) / 1000;
export const DEFAULT_SEED = 20250101;
export const DEFAULT_LEADS = 3000;

/** Fit rules the world uses (mirrors the default scoring in SPEC.md). */
export const FIT = {
  cLevelRoles: ["CEO", "CTO", "CMO", "CFO"],
  targetIndustries: ["Software", "Financial Services"],
  targetSizes: ["100-999", "1000+"],
  targetRegions: ["North America"],
} as const;

/** Behaviour points per activity (SPEC.md default scoring). */
export const BEHAVIOUR_POINTS: Partial<Record<Activity, number>> = {
  content_download: 5,
  webinar: 15,
  pricing_visit: 25,
  demo_request: 50,
};

export interface LeadEvent {
  /** Epoch seconds, UTC-naive. */
  at: number;
  activity: Activity;
  amount: number | null;
  durationS: number | null;
}

export interface Lead {
  id: string;
  campaign: string;
  channel: string;
  owner: string;
  team: Team;
  companySize: CompanySize;
  industry: string;
  region: string;
  role: string;
  /** Rows of this lead in chronological order (stable for equal timestamps). */
  events: LeadEvent[];
}

export interface GenerateOptions {
  leads: number;
  seed?: number;
}

interface Campaign {
  name: string;
  channel: string;
  weight: number;
  /** Base lead → MQL probability before the fit multiplier. */
  mqlYield: number;
  firstTouch: readonly Activity[];
}

export const CAMPAIGNS: readonly Campaign[] = [
  {
    name: "Paid Social - Awareness Q1",
    channel: "Paid Social",
    weight: 0.3,
    mqlYield: 0.23,
    firstTouch: ["social_engagement", "ad_click"],
  },
  {
    name: "Paid Search - Brand Keywords",
    channel: "Paid Search",
    weight: 0.15,
    mqlYield: 0.46,
    firstTouch: ["ad_click"],
  },
  {
    name: "Organic Search - Blog & SEO",
    channel: "Organic Search",
    weight: 0.14,
    mqlYield: 0.42,
    firstTouch: ["page_view"],
  },
  {
    name: "Email - Nurture Series",
    channel: "Email",
    weight: 0.1,
    mqlYield: 0.48,
    firstTouch: ["email_click"],
  },
  {
    name: 'Content Syndication - "State of B2B Funnels" Report',
    channel: "Content Syndication",
    weight: 0.1,
    mqlYield: 0.37,
    firstTouch: ["content_download"],
  },
  {
    name: "Events - Trade Shows, Spring & Fall",
    channel: "Events",
    weight: 0.08,
    mqlYield: 0.5,
    firstTouch: ["event_attended"],
  },
  {
    name: "Referral - Partner Program",
    channel: "Referral",
    weight: 0.08,
    mqlYield: 0.6,
    firstTouch: ["form_submit", "page_view"],
  },
  {
    name: "Webinars - Funnel Metrics Masterclass",
    channel: "Webinars",
    weight: 0.05,
    mqlYield: 0.75,
    firstTouch: ["webinar"],
  },
];

interface TeamProfile {
  owners: readonly string[];
  /** Median hours from MQL to review / first contact / feedback, and their log-normal spread. */
  reviewH: number;
  contactH: number;
  feedbackH: number;
  sigma: number;
  /** Share of MQLs never reviewed at all. */
  noReview: number;
  /** Acceptance among reviewed hand-offs. */
  accept: number;
  sqlGivenSal: number;
  oppGivenSql: number;
  win: number;
}

const TEAMS: Record<Team, TeamProfile> = {
  Enterprise: {
    owners: ["Avery Collins", "Priya Raman", "Marcus Lindqvist"],
    reviewH: 1.6,
    contactH: 7,
    feedbackH: 20,
    sigma: 0.65,
    noReview: 0.02,
    accept: 0.82,
    sqlGivenSal: 0.41,
    oppGivenSql: 0.5,
    win: 0.3,
  },
  "Inside Sales": {
    owners: ["Jamal Carter", "Sofia Rossi", "Kenji Watanabe", "Emma Novak"],
    reviewH: 1.1,
    contactH: 4,
    feedbackH: 15,
    sigma: 0.65,
    noReview: 0.02,
    accept: 0.8,
    sqlGivenSal: 0.38,
    oppGivenSql: 0.48,
    win: 0.28,
  },
  Regional: {
    owners: ["Diego Alvarez", "Hannah Becker", "Tom O'Brien", "Grace Liu"],
    reviewH: 9,
    contactH: 32,
    feedbackH: 72,
    sigma: 0.7,
    noReview: 0.07,
    accept: 0.6,
    sqlGivenSal: 0.31,
    oppGivenSql: 0.38,
    win: 0.19,
  },
};

const ROUTING: Record<CompanySize, Team> = {
  "1000+": "Enterprise",
  "100-999": "Regional",
  "1-99": "Inside Sales",
};
const TEAM_NAMES: readonly Team[] = ["Enterprise", "Regional", "Inside Sales"];

const SIZES: readonly (readonly [CompanySize, number])[] = [
  ["1-99", 0.42],
  ["100-999", 0.34],
  ["1000+", 0.24],
];
const INDUSTRIES: readonly (readonly [string, number])[] = [
  ["Software", 0.28],
  ["Financial Services", 0.16],
  ["Manufacturing", 0.2],
  ["Healthcare", 0.16],
  ["Retail", 0.12],
  ["Education", 0.08],
];
const REGIONS: readonly (readonly [string, number])[] = [
  ["North America", 0.45],
  ["EMEA", 0.3],
  ["APAC", 0.15],
  ["LATAM", 0.1],
];
const ROLES: readonly (readonly [string, number])[] = [
  ["CEO", 0.05],
  ["CTO", 0.04],
  ["CMO", 0.03],
  ["CFO", 0.01],
  ["VP Marketing", 0.1],
  ["VP Sales", 0.07],
  ["Director IT", 0.12],
  ["Marketing Manager", 0.15],
  ["Manager", 0.18],
  ["Analyst", 0.17],
  ["Consultant", 0.08],
];
const DEAL_RANGE: Record<CompanySize, readonly [number, number]> = {
  "1-99": [5_000, 25_000],
  "100-999": [15_000, 60_000],
  "1000+": [40_000, 120_000],
};
const GENERIC_TOUCHES: readonly (readonly [Activity, number])[] = [
  ["page_view", 0.4],
  ["email_open", 0.2],
  ["email_click", 0.1],
  ["social_engagement", 0.06],
  ["ad_click", 0.06],
  ["newsletter_signup", 0.05],
  ["form_submit", 0.07],
  ["chat", 0.06],
];

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** mulberry32: small, fast, seedable 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error("pick from an empty list");
  return last[0];
}

function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng()) * mean;
}

const CAMPAIGN_WEIGHTS: readonly (readonly [Campaign, number])[] = CAMPAIGNS.map((c) => [c, c.weight]);

/** Fit points of a lead under the SPEC.md default scoring. */
export function fitScore(lead: Pick<Lead, "role" | "industry" | "companySize" | "region">): number {
  let score = 0;
  if ((FIT.cLevelRoles as readonly string[]).includes(lead.role)) score += 30;
  if ((FIT.targetIndustries as readonly string[]).includes(lead.industry)) score += 20;
  if ((FIT.targetSizes as readonly string[]).includes(lead.companySize)) score += 15;
  if ((FIT.targetRegions as readonly string[]).includes(lead.region)) score += 10;
  return score;
}

/** Behaviour points of a list of events (every qualifying row counts). */
export function behaviourScore(events: readonly LeadEvent[], until = Number.POSITIVE_INFINITY): number {
  let score = 0;
  for (const e of events) if (e.at <= until) score += BEHAVIOUR_POINTS[e.activity] ?? 0;
  return score;
}

class EventList {
  readonly items: LeadEvent[] = [];
  add(
    at: number,
    activity: Activity,
    amount: number | null = null,
    durationS: number | null = null,
  ): LeadEvent {
    const e: LeadEvent = { at: Math.round(at), activity, amount, durationS };
    this.items.push(e);
    return e;
  }
}

function makeLead(rng: Rng, index: number, total: number, idWidth: number): Lead {
  const campaign = pickWeighted(rng, CAMPAIGN_WEIGHTS);
  const companySize = pickWeighted(rng, SIZES);
  const industry = pickWeighted(rng, INDUSTRIES);
  const region = pickWeighted(rng, REGIONS);
  const role = pickWeighted(rng, ROLES);
  let team = ROUTING[companySize];
  if (rng() < 0.1) {
    const others = TEAM_NAMES.filter((t) => t !== team);
    team = pick(rng, others);
  }
  const profile = TEAMS[team];
  const owner = pick(rng, profile.owners);
  const fit = fitScore({ role, industry, companySize, region });
  const events = new EventList();

  // Lead creation: spread over the world with mild growth (more leads later).
  const u = Math.min(1, (index + rng()) / total);
  const t0 = WORLD_START + Math.floor(u ** 0.8 * (WORLD_END - WORLD_START - HOUR));

  // Destiny: decided up front so visit lengths can reflect intent.
  const isMql = rng() < Math.min(0.95, campaign.mqlYield * (0.55 + fit / 57));
  const visitMedian = isMql ? 420 : 95;
  const visit = (): number => Math.max(3, Math.round(logNormal(rng, visitMedian, 0.55)));
  const sqlVisit = (): number => Math.max(60, Math.round(logNormal(rng, 1100, 0.4)));

  const first = pick(rng, campaign.firstTouch);
  events.add(t0, first, null, first === "page_view" ? visit() : null);
  events.add(t0 + intBetween(rng, 0, 10 * MINUTE), "became_lead");

  // Marketing touches before the MQL decision.
  const touches: Activity[] = [];
  const generic = isMql ? intBetween(rng, 2, 6) : intBetween(rng, 1, 5);
  for (let i = 0; i < generic; i++) touches.push(pickWeighted(rng, GENERIC_TOUCHES));
  const downloads = isMql ? intBetween(rng, 0, 3) : rng() < 0.45 ? intBetween(rng, 1, 2) : 0;
  for (let i = 0; i < downloads; i++) touches.push("content_download");
  if (rng() < (isMql ? 0.3 : 0.08)) touches.push("webinar");
  const pricing = rng() < (isMql ? 0.65 : 0.18);
  if (pricing) touches.push("pricing_visit");
  const demo = rng() < (isMql ? 0.42 : 0.04);
  if (demo) touches.push("demo_request");
  for (let i = touches.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = touches[i];
    const b = touches[j];
    if (a !== undefined && b !== undefined) {
      touches[i] = b;
      touches[j] = a;
    }
  }
  if (isMql) {
    // The strongest intent signal is what tips a lead over the MQL line.
    const trigger = demo ? "demo_request" : pricing ? "pricing_visit" : null;
    if (trigger !== null) {
      touches.splice(touches.indexOf(trigger), 1);
      touches.push(trigger);
    }
  }
  let t = t0 + intBetween(rng, 5 * MINUTE, 2 * HOUR);
  const gapMean = isMql ? 2.5 * DAY : 5 * DAY;
  for (const activity of touches) {
    t += Math.max(MINUTE, exponential(rng, gapMean));
    events.add(t, activity, null, activity === "page_view" ? visit() : null);
  }

  if (!isMql) {
    // Some non-qualified leads keep opening the newsletter for months, then go quiet.
    if (rng() < 0.12) {
      const extra = intBetween(rng, 1, 2);
      for (let i = 0; i < extra; i++) {
        t += exponential(rng, 40 * DAY) + DAY;
        events.add(t, "email_open");
      }
    }
    return finish(rng, index, idWidth, events, {
      campaign,
      team,
      owner,
      companySize,
      industry,
      region,
      role,
    });
  }

  const tMql = t + intBetween(rng, 5 * MINUTE, 3 * HOUR);
  events.add(tMql, "became_mql");

  // Hand-off to sales.
  if (rng() < profile.noReview) {
    return finish(rng, index, idWidth, events, {
      campaign,
      team,
      owner,
      companySize,
      industry,
      region,
      role,
    });
  }
  const hours = (median: number): number => logNormal(rng, median, profile.sigma) * HOUR;
  const review = events.add(tMql + Math.max(2 * MINUTE, hours(profile.reviewH)), "sales_review");
  const tDecision = review.at + intBetween(rng, MINUTE, 45 * MINUTE);
  const accepted = rng() < profile.accept;
  let tAccepted: number;
  let acceptedRow: LeadEvent | null = null;
  let firstContact: number;
  let reaccepted = false;
  if (accepted) {
    acceptedRow = events.add(tDecision, "sales_accepted");
    tAccepted = tDecision;
    firstContact = Math.max(tAccepted + 5 * MINUTE, tMql + hours(profile.contactH));
    events.add(firstContact, "sales_contact");
    events.add(Math.max(firstContact + 30 * MINUTE, tMql + hours(profile.feedbackH)), "sales_feedback");
  } else {
    events.add(tDecision, "sales_rejected");
    events.add(Math.max(tDecision + 10 * MINUTE, tMql + hours(profile.feedbackH)), "sales_feedback");
    // Recycled: a few rejected leads come back through nurture and are accepted later.
    if (rng() >= 0.12) {
      return finish(rng, index, idWidth, events, {
        campaign,
        team,
        owner,
        companySize,
        industry,
        region,
        role,
      });
    }
    reaccepted = true;
    let tr = tDecision + exponential(rng, 20 * DAY) + 10 * DAY;
    events.add(tr, "email_click");
    tr += exponential(rng, 4 * DAY) + HOUR;
    events.add(tr, "pricing_visit");
    tAccepted = tr + intBetween(rng, 2 * HOUR, 3 * DAY);
    acceptedRow = events.add(tAccepted, "sales_accepted");
    firstContact = tAccepted + intBetween(rng, HOUR, 2 * DAY);
    events.add(firstContact, "sales_contact");
  }

  // Sales qualification: fit, a demo request and a prompt first contact all help, but noisily.
  const contactLate = firstContact - tMql > 24 * HOUR;
  const sqlFactor = (0.62 + fit / 110 + (demo ? 0.25 : 0)) * (contactLate ? 0.8 : 1.08);
  const pSql = Math.min(0.95, profile.sqlGivenSal * sqlFactor * (reaccepted ? 0.7 : 1));
  let tCursor = firstContact;
  if (rng() < 0.5) {
    tCursor += exponential(rng, 3 * DAY) + HOUR;
    events.add(tCursor, "sales_contact");
  }
  if (rng() >= pSql) {
    return finish(rng, index, idWidth, events, {
      campaign,
      team,
      owner,
      companySize,
      industry,
      region,
      role,
    });
  }
  if (rng() < 0.05 && acceptedRow !== null) {
    // Skipped stage: qualified without an explicit acceptance row.
    events.items.splice(events.items.indexOf(acceptedRow), 1);
  }
  if (rng() < 0.2) events.add(tCursor + exponential(rng, 2 * DAY) + HOUR, "trial_start");
  if (rng() < 0.5) events.add(tCursor + exponential(rng, 3 * DAY) + HOUR, "page_view", null, sqlVisit());
  const tSql = tCursor + exponential(rng, 6 * DAY) + 6 * HOUR;
  const sqlRow = events.add(tSql, "became_sql");

  const pOpp = Math.min(0.95, profile.oppGivenSql * (0.85 + fit / 200) * (contactLate ? 0.9 : 1.05));
  if (rng() >= pOpp) {
    if (rng() < 0.4) events.add(tSql + exponential(rng, 7 * DAY) + DAY, "sales_contact");
    return finish(rng, index, idWidth, events, {
      campaign,
      team,
      owner,
      companySize,
      industry,
      region,
      role,
    });
  }
  if (rng() < 0.04) {
    // Skipped stage: opportunity opened straight from the acceptance.
    events.items.splice(events.items.indexOf(sqlRow), 1);
  }
  let tOpp = tSql + exponential(rng, 8 * DAY) + DAY;
  if (rng() < 0.4) {
    const tQuote = tSql + exponential(rng, 5 * DAY) + HOUR;
    events.add(tQuote, "quote_request");
    tOpp = Math.max(tOpp, tQuote + HOUR);
  }
  const [lo, hi] = DEAL_RANGE[companySize];
  const amount = Math.round((lo + (hi - lo) * rng() ** 1.4) / 100) * 100;
  events.add(tOpp, "opportunity_created", amount);

  const tClose = tOpp + exponential(rng, 35 * DAY) + 10 * DAY;
  if (rng() < 0.6) events.add(tOpp + (tClose - tOpp) * rng(), "sales_contact");
  const r = rng();
  const pWin = Math.min(0.9, profile.win * (contactLate ? 0.85 : 1.08));
  if (r < pWin) {
    events.add(tClose, "deal_won", Math.round((amount * (0.85 + 0.15 * rng())) / 100) * 100);
  } else if (r < 0.9) {
    events.add(tClose, "deal_lost");
  }
  // Otherwise the opportunity stays open (in progress if recent, stalled if not).
  return finish(rng, index, idWidth, events, { campaign, team, owner, companySize, industry, region, role });
}

interface Profile {
  campaign: Campaign;
  team: Team;
  owner: string;
  companySize: CompanySize;
  industry: string;
  region: string;
  role: string;
}

/** Applies data-quality noise, cuts at the as-of date and sorts the lead's rows. */
function finish(rng: Rng, index: number, idWidth: number, list: EventList, p: Profile): Lead {
  const items = list.items;
  // Deliberate data-quality issue: a handful of reviews stamped before the MQL they review.
  if (rng() < 0.012) {
    const mql = items.find((e) => e.activity === "became_mql");
    const review = items.find((e) => e.activity === "sales_review");
    const becameLead = items[1];
    if (mql !== undefined && review !== undefined && becameLead !== undefined) {
      const shifted = mql.at - intBetween(rng, HOUR, 5 * HOUR);
      if (shifted > becameLead.at) review.at = shifted;
    }
  }
  const kept = items.filter((e) => e.at <= WORLD_END);
  kept.sort((a, b) => a.at - b.at);
  const events: LeadEvent[] = [];
  for (const e of kept) {
    events.push(e);
    // Deliberate data-quality issue: an exact duplicate row now and then.
    if (rng() < 0.0012) events.push({ ...e });
  }
  return {
    id: `L${String(index + 1).padStart(idWidth, "0")}`,
    campaign: p.campaign.name,
    channel: p.campaign.channel,
    owner: p.owner,
    team: p.team,
    companySize: p.companySize,
    industry: p.industry,
    region: p.region,
    role: p.role,
    events,
  };
}

/** Yields `options.leads` leads, deterministic for a given seed and lead count. */
export function* generateLeads(options: GenerateOptions): Generator<Lead, void, undefined> {
  const total = Math.max(0, Math.floor(options.leads));
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const idWidth = Math.max(6, String(total).length);
  for (let i = 0; i < total; i++) yield makeLead(rng, i, total, idWidth);
}

/** Average rows per lead for a seed, measured on a fixed-size pilot run. */
export function estimateEventsPerLead(seed: number = DEFAULT_SEED, pilotLeads = 4000): number {
  let rows = 0;
  for (const lead of generateLeads({ leads: pilotLeads, seed })) rows += lead.events.length;
  return rows / pilotLeads;
}

const PAD2: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const DAY_BASE = WORLD_START - 366 * DAY;
const DAY_STRINGS: readonly string[] = Array.from({ length: 366 * 2 + 547 }, (_, i) =>
  new Date((DAY_BASE + i * DAY) * 1000).toISOString().slice(0, 10),
);

/** Formats epoch seconds as `YYYY-MM-DD HH:MM:SS` (UTC-naive). */
export function formatTimestamp(seconds: number): string {
  const dayIndex = Math.floor((seconds - DAY_BASE) / DAY);
  const day = DAY_STRINGS[dayIndex];
  if (day === undefined) return new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ");
  const rest = seconds - DAY_BASE - dayIndex * DAY;
  const h = Math.floor(rest / HOUR);
  const m = Math.floor((rest - h * HOUR) / MINUTE);
  const s = rest - h * HOUR - m * MINUTE;
  return `${day} ${PAD2[h]}:${PAD2[m]}:${PAD2[s]}`;
}

/** RFC 4180 quoting: wraps fields containing a comma, quote or line break and doubles inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV lines (each ending in LF) for all rows of one lead. */
export function leadToCsv(lead: Lead): string {
  const middle = `,${[
    lead.campaign,
    lead.channel,
    lead.owner,
    lead.team,
    lead.companySize,
    lead.industry,
    lead.region,
    lead.role,
  ]
    .map(csvField)
    .join(",")},`;
  let out = "";
  for (const e of lead.events) {
    out += `${lead.id},${formatTimestamp(e.at)},${e.activity}${middle}${e.amount ?? ""},${e.durationS ?? ""}\n`;
  }
  return out;
}
