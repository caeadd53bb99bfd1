// A HubSpot deals export as HubSpot writes it: one row per deal, a "Date entered "<stage> (<pipeline>)""
// column per stage. Groups of deals share their stage dates (days after the deal's start; null: never
// entered); deal starts are spread three days apart, `cycle` starts before they repeat.

export const HUBSPOT_STAGES = [
  "Appointment Scheduled",
  "Qualified To Buy",
  "Contract Sent",
  "Closed Won",
  "Closed Lost",
];

export interface DealGroup {
  n: number;
  /** Days after the start at which each of HUBSPOT_STAGES was entered, or null. */
  dates: (number | null)[];
  /** The deal's current stage. */
  stage: string;
}

const day = (offset: number) =>
  new Date(Date.UTC(2025, 0, 6) + offset * 86_400_000).toISOString().slice(0, 10);

export function hubspotDealsExport(
  groups: readonly DealGroup[],
  options: { cycle: number; amount: (id: number) => number },
): string {
  const header = [
    "Record ID",
    "Deal Name",
    "Deal Stage",
    "Pipeline",
    "Amount",
    "Create Date",
    "Close Date",
    ...HUBSPOT_STAGES.map((s) => `"Date entered ""${s} (Sales Pipeline)"""`),
  ];
  const rows: string[] = [header.join(",")];
  let id = 1000;
  for (const group of groups)
    for (let i = 0; i < group.n; i++) {
      id++;
      const start = (id % options.cycle) * 3;
      const dates = group.dates.map((d) => (d === null ? "" : day(start + d)));
      const closed = group.stage.startsWith("Closed")
        ? day(start + (group.dates[3] ?? group.dates[4] ?? 0))
        : "";
      rows.push(
        [
          id,
          `Deal ${id}`,
          group.stage,
          "Sales Pipeline",
          options.amount(id),
          day(start),
          closed,
          ...dates,
        ].join(","),
      );
    }
  return `${rows.join("\n")}\n`;
}
