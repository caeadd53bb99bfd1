// The activity vocabulary (DATA.md): canonical names, the aliases they absorb, AIDA stage and score.

export type AidaStage = "awareness" | "interest" | "decision" | "action";

export interface ActivityDefinition {
  activity: string;
  aliases: readonly string[];
  aida: AidaStage | null;
  score: number | null;
}

export const ACTIVITY_VOCABULARY: readonly ActivityDefinition[] = [
  { activity: "page_view", aliases: ["visit", "website visit", "pageview"], aida: "awareness", score: 0 },
  { activity: "ad_click", aliases: ["paid click", "ppc"], aida: "awareness", score: 0 },
  {
    activity: "social_engagement",
    aliases: ["social", "linkedin", "twitter", "facebook"],
    aida: "awareness",
    score: 0,
  },
  { activity: "event_attended", aliases: ["trade show", "tradeshow", "event"], aida: "awareness", score: 0 },
  { activity: "email_open", aliases: ["opened email"], aida: "interest", score: 0 },
  { activity: "email_click", aliases: ["clicked email", "email link click"], aida: "interest", score: 0 },
  { activity: "newsletter_signup", aliases: ["subscribe", "newsletter"], aida: "interest", score: 0 },
  {
    activity: "content_download",
    aliases: ["download", "ebook", "whitepaper", "case study"],
    aida: "interest",
    score: 5,
  },
  { activity: "webinar", aliases: ["webinar attended", "webinar registration"], aida: "interest", score: 15 },
  { activity: "form_submit", aliases: ["form", "contact us"], aida: "interest", score: 0 },
  { activity: "pricing_visit", aliases: ["pricing page", "pricing"], aida: "decision", score: 25 },
  { activity: "demo_request", aliases: ["demo", "request demo"], aida: "decision", score: 50 },
  { activity: "trial_start", aliases: ["free trial", "trial"], aida: "decision", score: 0 },
  { activity: "chat", aliases: ["online chat", "live chat"], aida: "decision", score: 0 },
  { activity: "quote_request", aliases: ["quote", "proposal request"], aida: "decision", score: 0 },
  { activity: "became_lead", aliases: ["lead created"], aida: null, score: null },
  { activity: "became_mql", aliases: ["mql", "marketing qualified"], aida: null, score: null },
  { activity: "sales_review", aliases: ["reviewed", "sales reviewed"], aida: null, score: null },
  { activity: "sales_accepted", aliases: ["sal", "accepted"], aida: null, score: null },
  {
    activity: "sales_rejected",
    aliases: ["rejected", "recycled", "disqualified"],
    aida: null,
    score: null,
  },
  {
    activity: "sales_contact",
    aliases: ["call", "sales call", "sales email", "meeting"],
    aida: "decision",
    score: null,
  },
  { activity: "sales_feedback", aliases: ["feedback"], aida: null, score: null },
  { activity: "became_sql", aliases: ["sql", "sales qualified"], aida: null, score: null },
  { activity: "opportunity_created", aliases: ["opportunity", "opp created"], aida: null, score: null },
  {
    activity: "deal_won",
    aliases: ["closed won", "won", "customer", "purchase"],
    aida: "action",
    score: null,
  },
  { activity: "deal_lost", aliases: ["closed lost", "lost"], aida: null, score: null },
  // A deal moving to another pipeline stage (the stage is in its own column): the Pipeline screen's input.
  {
    activity: "deal_stage_changed",
    aliases: ["deal stage changed", "stage changed", "opportunity stage changed", "stage change"],
    aida: null,
    score: null,
  },
];

/** Case-, space- and punctuation-insensitive key: "Closed-Won " → "closedwon". */
export function vocabularyKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Every spelling the importer recognises, keyed as vocabularyKey does, with its canonical name. */
export function activityAliases(
  vocabulary: readonly ActivityDefinition[] = ACTIVITY_VOCABULARY,
): { key: string; activity: string }[] {
  const seen = new Map<string, string>();
  for (const definition of vocabulary) {
    for (const spelling of [definition.activity, ...definition.aliases]) {
      const key = vocabularyKey(spelling);
      if (!seen.has(key)) seen.set(key, definition.activity);
    }
  }
  return [...seen].map(([key, activity]) => ({ key, activity }));
}

/** The SQL expression DuckDB uses for vocabularyKey, kept beside it so the two stay the same. */
export function vocabularyKeySql(columnSql: string): string {
  return `regexp_replace(lower(${columnSql}), '[^a-z0-9]', '', 'g')`;
}
