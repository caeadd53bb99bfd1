// Header normalisation for auto-detection: case-, space- and punctuation-insensitive, prefixes dropped.

/** "Contact: Contact ID" → "contact id"; "utm_campaign" → "utm campaign"; "Duration (s)" → "duration s". */
export function normaliseHeader(header: string): string {
  const withoutPrefix = header.includes(":") ? header.slice(header.lastIndexOf(":") + 1) : header;
  return withoutPrefix
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
