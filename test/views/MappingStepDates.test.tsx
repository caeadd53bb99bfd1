// @vitest-environment jsdom
// The mapping step's date controls: a column picked by hand gets its own detected format, and a
// format that would reject most of a column, or dates before 1970 / a year ahead, is said before Apply.
// The profiles are built by hand with the numbers (the SQL that measures them is tested in
// test/import/dates.test.ts).

import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DateColumnProfile, FormatFit } from "../../src/import/dateProfile";
import { DATE_FORMATS, type DateFormat } from "../../src/import/dates";
import { type PreparedFile, planFor } from "../../src/import/load";
import type { FilePlan } from "../../src/import/toEvents";
import { MappingStep } from "../../src/views/Import/MappingStep";

function profile(
  detected: DateFormat,
  values: number,
  fits: Partial<Record<DateFormat, Partial<FormatFit>>>,
): DateColumnProfile {
  const all = Object.fromEntries(
    DATE_FORMATS.map((f) => [
      f,
      {
        parsed: 0,
        shaped: 0,
        plausible: 0,
        early: 0,
        late: 0,
        earliest: null,
        latest: null,
        unreadExample: null,
        ...fits[f],
      },
    ]),
  ) as Record<DateFormat, FormatFit>;
  return {
    values,
    complete: true,
    fits: all,
    dayMonth: 0,
    dashOrDot: 0,
    firstOver12: 0,
    secondOver12: 0,
    latestPlausibleDay: "2026-07-01",
    detected,
  };
}

/**
 * leads.csv, 8,000 leads: create_date is ISO; first_contact_date holds DD-MM-YYYY (20-10-2017 …), which
 * no field name matches; birth_date reads as ISO but 12 values are before 1970 and 3 after 2026-07-01.
 */
function leadsFile(): PreparedFile {
  const dmy = { parsed: 8000, shaped: 8000, plausible: 8000 };
  return {
    name: "leads.csv",
    table: "import_raw_1",
    headers: ["lead_id", "create_date", "first_contact_date", "birth_date"],
    rows: 8000,
    raggedRows: 0,
    bytes: 320_000,
    notes: [],
    preview: [
      {
        lead_id: "L1",
        create_date: "2017-10-02",
        first_contact_date: "20-10-2017",
        birth_date: "1916-10-20",
      },
    ],
    kind: "leads",
    mapping: { lead_id: "lead_id", created_at: "create_date" },
    dateFormats: { created_at: "iso" },
    dateProfiles: {
      lead_id: profile("iso", 8000, { iso: { unreadExample: "L1" } }),
      create_date: profile("iso", 8000, { iso: { parsed: 8000, shaped: 8000, plausible: 8000 } }),
      first_contact_date: profile("dmy", 8000, {
        iso: { unreadExample: "20-10-2017" },
        dmy: dmy,
        mdy: { parsed: 3100, shaped: 8000, plausible: 3100, unreadExample: "20-10-2017" },
      }),
      birth_date: profile("iso", 6000, {
        iso: {
          parsed: 6000,
          shaped: 6000,
          plausible: 5985,
          early: 12,
          late: 3,
          earliest: "1916-10-20",
          latest: "2099-12-31",
        },
      }),
    },
    unknownActivities: [],
  };
}

function renderStep(onApply = vi.fn()) {
  const file = leadsFile();
  render(
    <MappingStep
      files={[file]}
      plans={[planFor(file)]}
      onApply={onApply}
      onCancel={() => {}}
      onKindChange={async () => planFor(file)}
    />,
  );
  return screen.getByRole("article", { name: "Mapping for leads.csv" });
}

const select = (card: HTMLElement, label: string) =>
  within(card).getByLabelText(label, { selector: "select" }) as HTMLSelectElement;

describe("mapping step: date formats", () => {
  it("detects the format of a date column picked by hand, and again when the choice changes", async () => {
    const card = renderStep();
    await userEvent.selectOptions(select(card, "MQL date"), "first_contact_date");
    // Detected from its own values: DD-MM-YYYY, not the ISO default that rejected every row.
    expect(select(card, "Date format of MQL date").value).toBe("dmy");
    expect(within(card).queryByRole("list", { name: "Check MQL date" })).toBeNull();
    await userEvent.selectOptions(select(card, "MQL date"), "create_date");
    expect(select(card, "Date format of MQL date").value).toBe("iso");
  });

  it("says before Apply that a chosen format would reject most of the column", async () => {
    const card = renderStep();
    await userEvent.selectOptions(select(card, "MQL date"), "first_contact_date");
    await userEvent.selectOptions(select(card, "Date format of MQL date"), "iso");
    // 8,000 − 0 read as ISO = 8,000 unread, more than half of 8,000.
    const warnings = within(card).getByRole("list", { name: "Check MQL date" });
    expect(warnings.textContent).toContain(
      "8,000 of 8,000 values are not ISO dates; they look like DD-MM-YYYY (e.g. '20-10-2017'). " +
        "Rows with such a value would be rejected.",
    );
    expect(select(card, "Date format of MQL date").getAttribute("aria-describedby")).toBe(warnings.id);
    // As MM/DD/YYYY 3,100 read: 4,900 of 8,000 unread is still more than half.
    await userEvent.selectOptions(select(card, "Date format of MQL date"), "mdy");
    expect(within(card).getByRole("list", { name: "Check MQL date" }).textContent).toContain(
      "4,900 of 8,000 values are not MM/DD/YYYY dates; they look like DD-MM-YYYY",
    );
  });

  it("warns about dates before 1970 or more than a year ahead, and applies the chosen formats", async () => {
    const onApply = vi.fn();
    const card = renderStep(onApply);
    await userEvent.selectOptions(select(card, "MQL date"), "first_contact_date");
    await userEvent.selectOptions(select(card, "SQL date"), "birth_date");
    const warnings = within(card).getByRole("list", { name: "Check SQL date" });
    expect(
      within(warnings)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "▲ 12 of 6,000 values are dates before 1970 (earliest 1916-10-20): a wrong format or a placeholder? " +
        "They are kept and counted in the data-quality check.",
      "▲ 3 of 6,000 values are dates more than a year after today (latest 2099-12-31): a wrong format or a " +
        "placeholder? They are kept and counted in the data-quality check.",
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Apply mapping" }));
    const [plans] = onApply.mock.calls[0] as [FilePlan[]];
    expect(plans[0]?.dateFormats).toEqual({ created_at: "iso", mql_at: "dmy", sql_at: "iso" });
    expect(plans[0]?.mapping).toMatchObject({ mql_at: "first_contact_date", sql_at: "birth_date" });
  });
});
