// "Amounts in": the currency amounts are written with — as the data states it, or the user's choice.
// Amounts are never converted; the choice only names the currency they are in.

import { CURRENCIES, type Currency, isCurrency, type StatedCurrency } from "../../model/currency";
import { useAppStore } from "../../store";

/** The first option: follow what the data states, in words. */
export function statedOptionText(stated: StatedCurrency): string {
  switch (stated.state) {
    case "stated":
      return `${stated.currency} (from ${stated.from})`;
    case "mixed":
      return `Not shown: the file mixes ${stated.currencies.join(" and ")}`;
    case "unstated":
      return "Not stated in the file";
  }
}

export function CurrencySetting() {
  const stated = useAppStore((s) => s.statedCurrency);
  const choice = useAppStore((s) => s.currencyChoice);
  const setChoice = useAppStore((s) => s.setCurrencyChoice);
  return (
    <label className="filter" title="Amounts are shown in this currency; they are never converted.">
      <span>Amounts in</span>
      <select
        aria-label="Amounts in"
        value={choice ?? ""}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setChoice(isCurrency(value) ? (value as Currency) : null);
        }}
      >
        <option value="">{statedOptionText(stated)}</option>
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
