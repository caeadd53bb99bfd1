// Tests for CSV writing: RFC 4180 quoting, CRLF line ends, and spreadsheet formula neutralisation.
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/model/csv";

describe("toCsv", () => {
  it("writes rows with commas and ends every line with CRLF", () => {
    expect(
      toCsv([
        ["stage", "reached"],
        ["mql", 1000],
        ["sal", null],
      ]),
    ).toBe("stage,reached\r\nmql,1000\r\nsal,\r\n");
  });

  it("quotes cells holding commas, quotes or line breaks and doubles inner quotes", () => {
    expect(toCsv([["Acme, Inc.", 'say "hi"', "two\nlines"]])).toBe(
      '"Acme, Inc.","say ""hi""","two\nlines"\r\n',
    );
  });

  it("neutralises a formula and still quotes it properly", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(toCsv([['=HYPERLINK("x")', 1]])).toBe('"\'=HYPERLINK(""x"")",1\r\n');
  });

  it.each([
    ["+1", "'+1"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["=1+2", "'=1+2"],
  ])("prefixes the string %j with an apostrophe", (cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });

  it("neutralises a leading carriage return and quotes the cell because it holds a line break", () => {
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("leaves numbers alone, negative ones included", () => {
    expect(toCsv([[-5, 0.2731, 0]])).toBe("-5,0.2731,0\r\n");
  });

  it("leaves strings that merely contain a sign later on unchanged", () => {
    expect(toCsv([["MQL → SQL", "a-b", "x=y"]])).toBe("MQL → SQL,a-b,x=y\r\n");
  });

  it("writes empty cells for null and non-finite numbers", () => {
    expect(toCsv([[null, Number.NaN, Number.POSITIVE_INFINITY, ""]])).toBe(",,,\r\n");
  });
});
