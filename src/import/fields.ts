// What each kind of file can hold: its canonical fields, their labels and the headers they go by.

import { normaliseHeader } from "./detect";

export type FileKind = "activity" | "leads" | "deals" | "spend";

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  activity: "Activity log (one row per touch or stage change)",
  leads: "Lead / contact table (one row per lead)",
  deals: "Deals / opportunities (one row per opportunity)",
  spend: "Campaign spend",
};

export const FILE_KIND_NOUNS: Record<FileKind, string> = {
  activity: "an activity log",
  leads: "a lead / contact table",
  deals: "a deals / opportunities file",
  spend: "a campaign spend file",
};

export interface FieldSpec {
  id: string;
  label: string;
  /** Normalised header names, best first (see normaliseHeader). */
  names: readonly string[];
  kind: "text" | "date" | "number" | "flag";
  required?: boolean;
}

const ATTRIBUTES: FieldSpec[] = [
  {
    id: "campaign",
    label: "Campaign",
    kind: "text",
    names: ["campaign", "campaign name", "utm campaign", "first touch converting campaign"],
  },
  {
    id: "channel",
    label: "Channel",
    kind: "text",
    names: ["channel", "utm medium", "medium", "original source", "lead source"],
  },
  {
    id: "source",
    label: "Source",
    kind: "text",
    names: ["source", "utm source", "original source drill down 1"],
  },
  {
    id: "owner",
    label: "Owner",
    kind: "text",
    names: [
      "owner",
      "contact owner",
      "lead owner",
      "deal owner",
      "opportunity owner",
      "sales agent",
      "sales rep",
      "rep",
    ],
  },
  { id: "team", label: "Team", kind: "text", names: ["team", "sales team", "hubspot team"] },
  {
    id: "company",
    label: "Company",
    kind: "text",
    names: ["company", "company name", "company account", "account name", "associated company"],
  },
  {
    id: "company_size",
    label: "Company size",
    kind: "text",
    names: ["company size", "number of employees", "employees", "size"],
  },
  { id: "industry", label: "Industry", kind: "text", names: ["industry"] },
  {
    id: "region",
    label: "Region",
    kind: "text",
    names: ["region", "country", "country region", "state region", "geo"],
  },
  { id: "role", label: "Role", kind: "text", names: ["role", "job title", "title"] },
];

const byId = (id: string) => ATTRIBUTES.filter((f) => f.id === id);
/**
 * The currency of the amount when a file gives it in a column of its own (HubSpot's "Deal currency code",
 * Salesforce's "Opportunity Currency"): read with the amounts to say which currency they are in
 * (app/importFiles.ts); amounts are never converted.
 */
const CURRENCY: FieldSpec = {
  id: "currency",
  label: "Currency",
  kind: "text",
  names: [
    "currency",
    "deal currency code",
    "currency code",
    "opportunity currency",
    "currencyisocode",
    "currency iso code",
    "amount currency",
  ],
};

export const FIELDS: Record<FileKind, readonly FieldSpec[]> = {
  activity: [
    {
      id: "lead_id",
      label: "Lead ID",
      kind: "text",
      required: true,
      names: ["lead id", "contact id", "record id", "prospect id", "id", "email", "email address"],
    },
    {
      id: "occurred_at",
      label: "Occurred at",
      kind: "date",
      required: true,
      names: [
        "occurred at",
        "timestamp",
        "activity date",
        "event time",
        "event date",
        "time",
        "date",
        "created",
      ],
    },
    {
      id: "activity",
      label: "Activity",
      kind: "text",
      required: true,
      names: [
        "activity",
        "activity type",
        "activity name",
        "event type",
        "event name",
        "event",
        "action",
        "type",
      ],
    },
    ...ATTRIBUTES,
    { id: "amount", label: "Amount", kind: "number", names: ["amount", "deal amount", "value", "revenue"] },
    CURRENCY,
    {
      id: "duration_s",
      label: "Duration (s)",
      kind: "number",
      names: ["duration s", "duration seconds", "duration", "time on site"],
    },
  ],
  leads: [
    {
      id: "lead_id",
      label: "Lead ID",
      kind: "text",
      required: true,
      names: ["lead id", "contact id", "record id", "prospect id", "id", "email", "email address"],
    },
    {
      // Beside an id: deals that name their lead by email link through it (when the id is the email,
      // it is taken by lead_id above and the deals match it directly).
      id: "lead_email",
      label: "Email (links deals)",
      kind: "text",
      names: ["email", "email address", "e-mail", "contact email"],
    },
    {
      id: "created_at",
      label: "Created date",
      kind: "date",
      names: ["create date", "created date", "created at", "created", "date created"],
    },
    { id: "lead_at", label: "Lead date", kind: "date", names: ["became a lead date", "lead date"] },
    {
      id: "mql_at",
      label: "MQL date",
      kind: "date",
      names: [
        "became a marketing qualified lead date",
        "mql date",
        "date became mql",
        "marketing qualified date",
      ],
    },
    {
      id: "sal_at",
      label: "SAL date",
      kind: "date",
      names: ["sal date", "sales accepted date", "accepted date", "date accepted"],
    },
    {
      id: "sql_at",
      label: "SQL date",
      kind: "date",
      names: ["became a sales qualified lead date", "sql date", "date became sql", "sales qualified date"],
    },
    {
      id: "opportunity_at",
      label: "Opportunity date",
      kind: "date",
      names: ["became an opportunity date", "opportunity created date", "opportunity date", "engage date"],
    },
    {
      id: "won_at",
      label: "Won date",
      kind: "date",
      names: ["became a customer date", "closed won date", "won date", "customer date"],
    },
    { id: "lost_at", label: "Lost date", kind: "date", names: ["closed lost date", "lost date"] },
    {
      id: "rejected_at",
      label: "Rejected date",
      kind: "date",
      names: ["rejected date", "disqualified date", "recycled date"],
    },
    {
      id: "status",
      label: "Stage / status",
      kind: "text",
      names: ["lifecycle stage", "lead status", "status", "stage", "stage name", "lead stage"],
    },
    {
      id: "status_at",
      label: "Status date",
      kind: "date",
      names: ["status date", "last modified date", "close date", "date"],
    },
    { id: "converted", label: "Converted", kind: "flag", names: ["converted", "is converted"] },
    { id: "converted_at", label: "Converted date", kind: "date", names: ["converted date"] },
    {
      id: "converted_opportunity_id",
      label: "Converted opportunity ID",
      kind: "text",
      names: ["converted opportunity id", "opportunity id"],
    },
    ...ATTRIBUTES,
    { id: "amount", label: "Amount", kind: "number", names: ["amount", "deal amount", "revenue"] },
    CURRENCY,
  ],
  deals: [
    {
      id: "deal_id",
      label: "Deal / opportunity ID",
      kind: "text",
      required: true,
      names: ["opportunity id", "deal id", "record id", "id"],
    },
    {
      id: "lead_id",
      label: "Lead ID (link to leads)",
      kind: "text",
      names: [
        "lead id",
        "contact id",
        "associated contact id",
        "associated contact",
        "contact email",
        "email",
      ],
    },
    {
      id: "created_at",
      label: "Created date",
      kind: "date",
      // engage_date: when a deal entered the pipeline in sales-pipeline tables (e.g. the CRM sample
      // data sets with deal_stage / engage_date / close_date / close_value).
      names: [
        "create date",
        "created date",
        "created at",
        "created",
        "opportunity created date",
        "engage date",
        "engaged",
        "engaged date",
      ],
    },
    {
      id: "closed_at",
      label: "Close date",
      kind: "date",
      names: ["close date", "closed date", "closed won date"],
    },
    {
      id: "stage",
      label: "Deal stage",
      kind: "text",
      names: ["deal stage", "stage", "stage name", "opportunity stage", "to stage"],
    },
    { id: "won", label: "Won", kind: "flag", names: ["won", "is won", "closed won"] },
    { id: "closed", label: "Closed", kind: "flag", names: ["closed", "is closed"] },
    {
      id: "amount",
      label: "Amount",
      kind: "number",
      names: ["amount", "deal amount", "opportunity amount", "close value", "deal value", "value"],
    },
    CURRENCY,
    ...byId("owner"),
    ...byId("team"),
    ...byId("company"),
    ...byId("campaign"),
    ...byId("channel"),
    ...byId("source"),
    ...byId("company_size"),
    ...byId("industry"),
    ...byId("region"),
  ],
  spend: [
    {
      id: "campaign",
      label: "Campaign",
      kind: "text",
      required: true,
      names: ["campaign", "campaign name", "utm campaign"],
    },
    {
      id: "spend",
      label: "Spend",
      kind: "number",
      required: true,
      names: [
        "spend",
        "cost",
        "actual cost in campaign",
        "budgeted cost in campaign",
        "amount spent",
        "amount",
      ],
    },
    { id: "period", label: "Period", kind: "text", names: ["period", "month", "date"] },
  ],
};

/** HubSpot's stage-date columns in their many spellings → the lead-table field they fill. */
const HUBSPOT_STAGE_TOKENS: Record<string, string> = {
  lead: "lead_at",
  marketingqualifiedlead: "mql_at",
  salesqualifiedlead: "sql_at",
  opportunity: "opportunity_at",
  customer: "won_at",
};

function hubspotStageField(key: string): string | null {
  // `Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"`, hs_lifecyclestage_x_date,
  // hs_v2_date_entered_x, "Became a … Date". Never `Date exited …`.
  const match =
    /^date entered (.+?)(?: lifecycle stage pipeline)?$/.exec(key) ??
    /^hs lifecyclestage (.+) date$/.exec(key) ??
    /^hs v2 date entered (.+)$/.exec(key) ??
    /^became an? (.+) date$/.exec(key);
  if (!match?.[1]) return null;
  return HUBSPOT_STAGE_TOKENS[match[1].replace(/ /g, "")] ?? null;
}

export type KindMapping = Record<string, string>;

/** Field id → header, each header used once; exact canonical ids first, then names in order. */
export function detectFields(kind: FileKind, headers: readonly string[]): KindMapping {
  const keys = headers.map((header) => ({ header, key: normaliseHeader(header) }));
  const used = new Set<string>();
  const mapping: KindMapping = {};
  const take = (field: string, header: string) => {
    mapping[field] = header;
    used.add(header);
  };
  for (const field of FIELDS[kind]) {
    const exact = keys.find((k) => k.key === field.id.replaceAll("_", " ") && !used.has(k.header));
    if (exact) take(field.id, exact.header);
  }
  if (kind === "leads") {
    for (const k of keys) {
      const field = hubspotStageField(k.key);
      if (field && !mapping[field] && !used.has(k.header)) take(field, k.header);
    }
  }
  for (const field of FIELDS[kind]) {
    if (mapping[field.id]) continue;
    for (const name of field.names) {
      const match = keys.find((k) => k.key === name && !used.has(k.header));
      if (match) {
        take(field.id, match.header);
        break;
      }
    }
  }
  return mapping;
}

export function missingFields(kind: FileKind, mapping: KindMapping): FieldSpec[] {
  return FIELDS[kind].filter((f) => f.required && !mapping[f.id]);
}

const STAGE_DATE_FIELDS = [
  "lead_at",
  "mql_at",
  "sal_at",
  "sql_at",
  "opportunity_at",
  "won_at",
  "lost_at",
  "rejected_at",
];

/** Which kind of file the headers look like; the user can change it in the mapping step. */
export function proposeKind(headers: readonly string[]): FileKind {
  const keys = new Set(headers.map(normaliseHeader));
  const has = (...names: string[]) => names.some((n) => keys.has(n));
  const activity = detectFields("activity", headers);
  const leads = detectFields("leads", headers);
  if (
    has("spend", "cost", "actual cost in campaign", "budgeted cost in campaign", "amount spent") &&
    !has("lead id", "contact id", "record id", "email")
  ) {
    return "spend";
  }
  if (
    has("deal name", "opportunity name", "deal stage", "pipeline") ||
    (has("opportunity id") && !has("lead id", "converted opportunity id"))
  ) {
    return "deals";
  }
  if (missingFields("activity", activity).length === 0 && !STAGE_DATE_FIELDS.some((f) => leads[f]))
    return "activity";
  return "leads";
}
