import { describe, expect, it } from "vitest";
import { categoryLabeller, categoryTexts, tidyCategory } from "../../src/model/categoryText";

describe("tidyCategory", () => {
  it.each([
    ["COMPUTER_SOFTWARE", "Computer software"],
    ["PAID_SOCIAL", "Paid social"],
    ["EMAIL", "Email"],
    ["organic_search", "Organic search"],
    ["paid-social", "Paid social"],
    ["PAID-SOCIAL", "Paid social"],
    ["email", "Email"],
    ["FINANCIAL_SERVICES", "Financial services"],
    ["OTHER", "Other"],
  ])("tidies the enum code %s as %s", (value, tidy) => {
    expect(tidyCategory(value)).toBe(tidy);
  });

  it.each([
    ["Webinar Series"],
    ["Q1 ABM - EMEA"],
    ["iPhone"],
    ["SEO"],
    ["ABM"],
    ["EMEA"],
    ["USA"],
    ["Email"],
    ["Paid Social"],
    ["LinkedIn_Ads"],
    ["(none)"],
    ["250"],
    ["1,200"],
    ["51-200"],
    ["COMPUTER SOFTWARE"],
    ["hubspot.com"],
    [""],
  ])("leaves %s as it is (a name, an acronym, mixed case, spaces or no letters)", (value) => {
    expect(tidyCategory(value)).toBe(value);
  });

  it("keeps known acronyms and tokens with digits in capitals inside a code", () => {
    expect(tidyCategory("IT_SERVICES")).toBe("IT services");
    expect(tidyCategory("seo_blog")).toBe("SEO blog");
    expect(tidyCategory("Q1_ABM_EMEA")).toBe("Q1 ABM EMEA");
    expect(tidyCategory("spring_launch_2024")).toBe("Spring launch 2024");
    expect(tidyCategory("LATAM")).toBe("LATAM");
    expect(tidyCategory("seo")).toBe("SEO");
  });

  it("keeps a hyphen that joins a short part to its word", () => {
    expect(tidyCategory("e-commerce")).toBe("E-commerce");
    expect(tidyCategory("CO-MARKETING")).toBe("Co-marketing");
    expect(tidyCategory("b2b_e-commerce")).toBe("B2B e-commerce");
  });
});

describe("categoryTexts", () => {
  it("gives the tidy text with the stored value as its tooltip, and no tooltip for a value shown as stored", () => {
    const texts = categoryTexts(["PAID_SOCIAL", "Webinar Series"]);
    expect(texts.get("PAID_SOCIAL")).toEqual({ text: "Paid social", title: "PAID_SOCIAL" });
    expect(texts.get("Webinar Series")).toEqual({ text: "Webinar Series", title: null });
  });

  it("shows two values that tidy to the same text as stored, so they stay distinguishable", () => {
    const texts = categoryTexts(["PAID_SOCIAL", "paid-social", "EMAIL"]);
    expect(texts.get("PAID_SOCIAL")).toEqual({ text: "PAID_SOCIAL", title: null });
    expect(texts.get("paid-social")).toEqual({ text: "paid-social", title: null });
    expect(texts.get("EMAIL")).toEqual({ text: "Email", title: "EMAIL" });
  });

  it("does not tidy a value into another value the list holds as stored", () => {
    const texts = categoryTexts(["EMAIL", "Email"]);
    expect(texts.get("EMAIL")).toEqual({ text: "EMAIL", title: null });
    expect(texts.get("Email")).toEqual({ text: "Email", title: null });
  });

  it("gives every value of a list a different text", () => {
    const values = [
      "ORGANIC_SEARCH",
      "organic_search",
      "Organic search",
      "organic-search",
      "EVENTS",
      "events",
    ];
    const shown = [...categoryTexts(values).values()].map((t) => t.text);
    expect(new Set(shown).size).toBe(values.length);
  });
});

describe("categoryLabeller", () => {
  it("labels a value of the list by the list's rule and tidies any other value on its own", () => {
    const label = categoryLabeller(["PAID_SOCIAL", "paid_social"]);
    expect(label("PAID_SOCIAL")).toEqual({ text: "PAID_SOCIAL", title: null });
    expect(label("ORGANIC_SEARCH")).toEqual({ text: "Organic search", title: "ORGANIC_SEARCH" });
    expect(label("Webinars")).toEqual({ text: "Webinars", title: null });
  });
});
