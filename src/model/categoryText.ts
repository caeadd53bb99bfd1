// Category values as people read them: CRM enum codes ("COMPUTER_SOFTWARE", "PAID_SOCIAL", "EMAIL",
// "organic_search") shown as "Computer software", "Paid social", "Email", "Organic search". Display
// only: filters, URLs and CSV cells keep the stored value, and the screen puts it in the tooltip.

/**
 * Short tokens kept in capitals wherever they appear in a code ("seo_blog" → "SEO blog",
 * "IT_SERVICES" → "IT services"). A lone all-caps token of up to four characters is kept anyway
 * (ABM, EMEA, USA); this list covers the longer ones and tokens inside longer codes.
 */
const ACRONYMS = new Set([
  "abm",
  "ae",
  "ai",
  "anz",
  "apac",
  "api",
  "b2b",
  "b2c",
  "bdr",
  "ceo",
  "cfo",
  "cmo",
  "cpc",
  "cpm",
  "crm",
  "cto",
  "dach",
  "emea",
  "erp",
  "eu",
  "hr",
  "it",
  "latam",
  "mql",
  "namer",
  "noram",
  "ppc",
  "pr",
  "qa",
  "roi",
  "saas",
  "sal",
  "sdr",
  "sem",
  "seo",
  "smb",
  "sql",
  "uk",
  "us",
  "usa",
  "utm",
  "vp",
]);

/** Letters and digits in tokens joined by "_" or "-", nothing else: no spaces, no punctuation. */
const CODE_SHAPE = /^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$/;

/**
 * The tidy form of an enum-like category value, or the value itself when it does not look like one.
 * A code is all capitals or all lower case, made of letters and digits joined by "_" or "-", with at
 * least one letter. Mixed case ("iPhone", "Webinar Series"), anything with a space ("Q1 ABM - EMEA")
 * and a lone capital token of up to four characters (ABM, EMEA, USA: an acronym) stay as they are.
 * "_" always separates words; "-" does only when every part is a word of three letters or more
 * ("paid-social" → "Paid social", but "e-commerce" → "E-commerce", "co-marketing" → "Co-marketing").
 * Tokens with a digit ("Q1", "2024") and known acronyms keep their capitals; the first word is
 * capitalised, the rest lower case.
 */
export function tidyCategory(value: string): string {
  if (!CODE_SHAPE.test(value) || !/[A-Za-z]/.test(value)) return value;
  const upper = value === value.toUpperCase();
  const lower = value === value.toLowerCase();
  if (!upper && !lower) return value;
  if (upper && /^[A-Z0-9]{1,4}$/.test(value)) return value;
  const parts = value.split("_").flatMap((part) => {
    const pieces = part.split("-");
    return pieces.every((p) => /^[A-Za-z]{3,}$/.test(p) || /\d/.test(p)) ? pieces : [part];
  });
  const words = parts.map((part) => {
    const lowered = part.toLowerCase();
    if (/\d/.test(part)) return part.toUpperCase();
    if (ACRONYMS.has(lowered)) return lowered.toUpperCase();
    return lowered
      .split("-")
      .map((p) => (ACRONYMS.has(p) ? p.toUpperCase() : p))
      .join("-");
  });
  const [first = "", ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(" ");
}

/** What a category value shows: its text and, when that differs from the stored value, a tooltip. */
export interface CategoryText {
  text: string;
  /** The stored value, for the tooltip (title) when the text is a tidied form; null when shown as stored. */
  title: string | null;
}

/**
 * The shown text of every value of one list (a menu, a table, a chart's categories). Two stored values
 * that would show the same text (PAID_SOCIAL and paid-social, or EMAIL beside a stored "Email") are
 * shown as stored, so a list never holds two rows that read the same.
 */
export function categoryTexts(values: Iterable<string>): Map<string, CategoryText> {
  const distinct = [...new Set(values)];
  const shownBy = new Map<string, number>();
  const tidy = distinct.map((v) => tidyCategory(v));
  for (const text of tidy) shownBy.set(text, (shownBy.get(text) ?? 0) + 1);
  const result = new Map<string, CategoryText>();
  distinct.forEach((value, i) => {
    const text = tidy[i] as string;
    const clash = text !== value && ((shownBy.get(text) ?? 0) > 1 || distinct.includes(text));
    result.set(value, clash || text === value ? { text: value, title: null } : { text, title: value });
  });
  return result;
}

/**
 * A lookup for one list: `label("PAID_SOCIAL")` → { text: "Paid social", title: "PAID_SOCIAL" }; a
 * value not in the list is tidied on its own.
 */
export function categoryLabeller(values: Iterable<string>): (value: string) => CategoryText {
  const texts = categoryTexts(values);
  return (value) => {
    const known = texts.get(value);
    if (known) return known;
    const text = tidyCategory(value);
    return { text, title: text === value ? null : value };
  };
}
