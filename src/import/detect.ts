// Column auto-detection: which header of an uploaded file holds each canonical field (DATA.md).

export const EVENT_FIELDS = [
  "lead_id",
  "occurred_at",
  "activity",
  "campaign",
  "channel",
  "source",
  "owner",
  "team",
  "amount",
  "duration_s",
  "company",
  "company_size",
  "industry",
  "region",
  "role",
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export const REQUIRED_EVENT_FIELDS: readonly EventField[] = ["lead_id", "occurred_at", "activity"];

export const FIELD_LABELS: Record<EventField, string> = {
  lead_id: "Lead ID",
  occurred_at: "Occurred at",
  activity: "Activity",
  campaign: "Campaign",
  channel: "Channel",
  source: "Source",
  owner: "Owner",
  team: "Team",
  amount: "Amount",
  duration_s: "Duration (s)",
  company: "Company",
  company_size: "Company size",
  industry: "Industry",
  region: "Region",
  role: "Role",
};

/** Names each field is known by, best first (matched after normaliseHeader). */
const EVENT_FIELD_NAMES: Record<EventField, readonly string[]> = {
  lead_id: ["lead id", "contact id", "record id", "prospect id", "id", "email", "email address"],
  occurred_at: [
    "occurred at",
    "timestamp",
    "activity date",
    "event time",
    "event date",
    "time",
    "date",
    "created",
  ],
  activity: [
    "activity",
    "activity type",
    "activity name",
    "event type",
    "event name",
    "event",
    "action",
    "type",
  ],
  campaign: ["campaign", "campaign name", "utm campaign", "first touch converting campaign"],
  channel: ["channel", "utm medium", "medium", "original source", "lead source"],
  source: ["source", "utm source"],
  owner: ["owner", "contact owner", "lead owner", "sales agent", "sales rep", "rep"],
  team: ["team", "sales team"],
  amount: ["amount", "deal amount", "value", "revenue"],
  duration_s: ["duration s", "duration seconds", "duration", "time on site"],
  company: ["company", "company name", "account name", "company account"],
  company_size: ["company size", "employees", "number of employees", "size"],
  industry: ["industry"],
  region: ["region", "country", "geo"],
  role: ["role", "title", "job title"],
};

/** "Contact: Contact ID" → "contact id"; "utm_campaign" → "utm campaign"; "Duration (s)" → "duration s". */
export function normaliseHeader(header: string): string {
  const withoutPrefix = header.includes(":") ? header.slice(header.lastIndexOf(":") + 1) : header;
  return withoutPrefix
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export type ColumnMapping = Partial<Record<EventField, string>>;

/** Maps each field to the first header that matches one of its names; a header is used once. */
export function detectEventColumns(headers: readonly string[]): ColumnMapping {
  const normalised = headers.map((h) => ({ header: h, key: normaliseHeader(h) }));
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  // Exact canonical names ("lead_id") win over synonyms, so a file already in our shape maps 1:1.
  for (const field of EVENT_FIELDS) {
    const exact = normalised.find((h) => h.key === field.replaceAll("_", " ") && !used.has(h.header));
    if (exact) {
      mapping[field] = exact.header;
      used.add(exact.header);
    }
  }
  for (const field of EVENT_FIELDS) {
    if (mapping[field]) continue;
    for (const name of EVENT_FIELD_NAMES[field]) {
      const match = normalised.find((h) => h.key === name && !used.has(h.header));
      if (match) {
        mapping[field] = match.header;
        used.add(match.header);
        break;
      }
    }
  }
  return mapping;
}

export function missingRequiredFields(mapping: ColumnMapping): EventField[] {
  return REQUIRED_EVENT_FIELDS.filter((field) => !mapping[field]);
}
