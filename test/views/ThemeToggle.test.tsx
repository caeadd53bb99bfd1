// @vitest-environment jsdom
// The header's theme control: a labelled select that shows and changes the store's theme.

import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { useAppStore } from "../../src/store";
import { ThemeToggle } from "../../src/ui/ThemeToggle";

const initialState = useAppStore.getState();

function themeSelect(): HTMLSelectElement {
  return screen.getByRole("combobox", { name: "Theme" }) as HTMLSelectElement;
}

describe("ThemeToggle", () => {
  beforeEach(() => {
    useAppStore.setState(initialState, true);
  });

  it("offers System, Light and Dark, starting on System", () => {
    render(<ThemeToggle />);
    const options = Array.from(themeSelect().options).map((option) => option.textContent);
    expect(options).toEqual(["System", "Light", "Dark"]);
    expect(themeSelect().value).toBe("system");
  });

  it("stores the chosen theme", async () => {
    render(<ThemeToggle />);
    await userEvent.selectOptions(themeSelect(), "Dark");
    expect(useAppStore.getState().theme).toBe("dark");
    await userEvent.selectOptions(themeSelect(), "Light");
    expect(useAppStore.getState().theme).toBe("light");
  });

  it("shows a theme set elsewhere (e.g. restored from this browser's settings)", () => {
    render(<ThemeToggle />);
    act(() => useAppStore.getState().setTheme("dark"));
    expect(themeSelect().value).toBe("dark");
  });
});
