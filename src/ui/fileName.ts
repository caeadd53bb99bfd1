// File names for downloads made from on-screen titles: safe on every file system, mail client and slide tool.

const MAX_SLUG_LENGTH = 80;

/**
 * "MQL → SQL is 27.7 %" + "png" → "mql-to-sql-is-27-7.png": lower-case ASCII letters, digits and
 * single dashes, cut at a word boundary after 80 characters; `fallback` when nothing is left.
 */
export function fileNameFromTitle(title: string, extension: string, fallback = "export"): string {
  const words = title
    .replaceAll("→", " to ")
    .replaceAll("&", " and ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = words.length > MAX_SLUG_LENGTH ? words.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, "") : words;
  return `${cut || fallback}.${extension}`;
}
