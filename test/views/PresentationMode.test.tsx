// @vitest-environment jsdom
// The deck moves with the keyboard, clicks and buttons, numbers its slides, states each headline, and leaves on
// Esc; the launcher opens it and prints the report (slides fed in place of the DuckDB queries).
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OutputContextInput } from "../../src/model/outputContext";
import { useAppStore } from "../../src/store";
import { PresentationLauncher } from "../../src/views/Presentation/PresentationLauncher";
import { PresentationMode } from "../../src/views/Presentation/PresentationMode";
import type { Slide } from "../../src/views/Presentation/SlideView";
import type { SlidesState } from "../../src/views/Presentation/slides";

// The launcher's slides come from the DuckDB queries; here they are the hand-made SLIDES below.
const slidesState = vi.hoisted(() => ({
  current: { status: "loading" } as { status: string; slides?: unknown; context?: unknown },
}));
vi.mock("../../src/views/Presentation/slides", () => ({
  usePresentationSlides: () => slidesState.current,
}));

const SLIDES: Slide[] = [
  {
    id: "overview",
    name: "Funnel overview",
    headline: "MQL → SQL is 18.4 % — below the 25–30 % band",
    chart: <p>funnel chart</p>,
    notes: ["46 of 250 MQLs reached SQL"],
  },
  { id: "leak", name: "Biggest leak", headline: "The biggest leak is MQL → SAL", chart: <p>leak chart</p> },
  {
    id: "campaigns",
    name: "Campaigns",
    headline: "Webinar turns 30.0 % of its leads into MQLs",
    chart: <p>yield chart</p>,
  },
];

/** What the slides are about: the footer of every slide. */
const CONTEXT: OutputContextInput = {
  dataLabel: "sample.csv",
  filters: { segments: { team: ["Enterprise"] }, from: "2026-01-01", to: "2026-03-31" },
  count: "period",
  compare: true,
  previous: { from: "2025-10-01", to: "2025-12-31" },
  windowDays: null,
  amountsIn: "USD (from the sample)",
  asOf: "2026-04-14",
};

function headline(): string {
  return screen.getByRole("heading", { level: 2 }).textContent ?? "";
}

function renderDeck(onClose = vi.fn()) {
  render(<PresentationMode slides={SLIDES} onClose={onClose} />);
  return onClose;
}

const initialStore = useAppStore.getState();

afterEach(() => {
  Reflect.deleteProperty(document.documentElement, "requestFullscreen");
  useAppStore.setState(initialStore, true);
  slidesState.current = { status: "loading" };
  vi.restoreAllMocks();
});

describe("PresentationMode", () => {
  it("opens as a modal dialog named Presentation on the first slide, its headline and number", () => {
    renderDeck();
    const dialog = screen.getByRole("dialog", { name: "Presentation" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(headline()).toBe("MQL → SQL is 18.4 % — below the 25–30 % band");
    expect(screen.getByText("1 / 3")).toBeTruthy();
    expect(screen.getByText("funnel chart")).toBeTruthy();
    expect(screen.queryByText("leak chart")).toBeNull();
  });

  it("moves with ArrowRight / ArrowLeft, PageDown / PageUp, Space, Home and End, never past either end", async () => {
    const user = userEvent.setup();
    renderDeck();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByText("2 / 3")).toBeTruthy();
    expect(headline()).toBe("The biggest leak is MQL → SAL");
    await user.keyboard("{PageDown}");
    expect(screen.getByText("3 / 3")).toBeTruthy();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByText("3 / 3")).toBeTruthy();
    await user.keyboard("{ArrowLeft}");
    expect(headline()).toBe("The biggest leak is MQL → SAL");
    await user.keyboard("{PageUp}");
    expect(screen.getByText("1 / 3")).toBeTruthy();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByText("1 / 3")).toBeTruthy();
    await user.keyboard("{End}");
    expect(headline()).toBe("Webinar turns 30.0 % of its leads into MQLs");
    await user.keyboard("{Home}");
    expect(screen.getByText("1 / 3")).toBeTruthy();
    await user.keyboard(" ");
    expect(screen.getByText("2 / 3")).toBeTruthy();
  });

  it("moves with the Next and Previous buttons and a click on the slide", async () => {
    const user = userEvent.setup();
    renderDeck();
    expect(screen.getByRole("button", { name: "Previous" }).hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("2 / 3")).toBeTruthy();
    await user.click(screen.getByText("leak chart"));
    expect(screen.getByText("3 / 3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Next" }).hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Previous" }));
    expect(headline()).toBe("The biggest leak is MQL → SAL");
  });

  it("moves once when Space presses the focused Next button", async () => {
    const user = userEvent.setup();
    renderDeck();
    screen.getByRole("button", { name: "Next" }).focus();
    await user.keyboard(" ");
    expect(screen.getByText("2 / 3")).toBeTruthy();
  });

  it("announces the slide and its headline to screen readers", async () => {
    const user = userEvent.setup();
    renderDeck();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByText("Slide 2 of 3: The biggest leak is MQL → SAL")).toBeTruthy();
  });

  it("calls onClose on Esc and on Leave presentation", async () => {
    const user = userEvent.setup();
    const onClose = renderDeck();
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Leave presentation" }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("takes focus on open and gives it back to the Present button on close", async () => {
    const user = userEvent.setup();
    function Launcher() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Present
          </button>
          {open && <PresentationMode slides={SLIDES} onClose={() => setOpen(false)} />}
        </>
      );
    }
    render(<Launcher />);
    await user.click(screen.getByRole("button", { name: "Present" }));
    expect(document.activeElement).toBe(screen.getByRole("dialog", { name: "Presentation" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Present" }));
  });

  it("keeps Tab inside the deck", async () => {
    const user = userEvent.setup();
    renderDeck();
    const leave = screen.getByRole("button", { name: "Leave presentation" });
    leave.focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Next" }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(leave);
  });

  it("asks for no full screen itself: by the time it opens, the click's gesture is over", () => {
    const requestFullscreen = vi.fn(() => Promise.resolve());
    Object.defineProperty(document.documentElement, "requestFullscreen", {
      value: requestFullscreen,
      configurable: true,
    });
    renderDeck();
    expect(requestFullscreen).not.toHaveBeenCalled();
    expect(screen.getByText("1 / 3")).toBeTruthy();
  });

  it("shows what it is waiting for while there is no slide yet", () => {
    render(<PresentationMode slides={[]} status="Preparing the slides…" onClose={vi.fn()} />);
    expect(screen.getByRole("status").textContent).toBe("Preparing the slides…");
    expect(screen.getByRole("button", { name: "Next" }).hasAttribute("disabled")).toBe(true);
  });
});

describe("PresentationLauncher", () => {
  function withData(state: SlidesState = { status: "ready", slides: SLIDES, context: CONTEXT }) {
    useAppStore.setState({
      dataset: { label: "sample.csv", identity: "sample.csv", restoring: false },
    });
    slidesState.current = state;
  }

  it("offers Present and Print report only once data is loaded", () => {
    render(<PresentationLauncher />);
    expect(screen.getByRole("button", { name: "Present" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "Print report" }).hasAttribute("disabled")).toBe(true);
  });

  it("asks for full screen inside the Present click, before the deck exists, and carries on when refused", async () => {
    const user = userEvent.setup();
    withData({ status: "loading" });
    const deckAtRequest: boolean[] = [];
    const requestFullscreen = vi.fn(() => {
      deckAtRequest.push(document.querySelector(".presentation") !== null);
      return Promise.reject(new Error("denied"));
    });
    Object.defineProperty(document.documentElement, "requestFullscreen", {
      value: requestFullscreen,
      configurable: true,
    });
    render(<PresentationLauncher />);
    await user.click(screen.getByRole("button", { name: "Present" }));
    expect(requestFullscreen).toHaveBeenCalledTimes(1);
    // Asked synchronously in the click handler: the deck had not even started to render.
    expect(deckAtRequest).toEqual([false]);
    expect(await screen.findByRole("dialog")).toBeTruthy();
  });

  it("opens the deck on Present, says when the slides are still coming, and returns focus on Esc", async () => {
    const user = userEvent.setup();
    withData({ status: "loading" });
    const { rerender } = render(<PresentationLauncher />);
    await user.click(screen.getByRole("button", { name: "Present" }));
    // The deck's code loads on first use; then the deck itself says the slides are coming.
    const deck = await screen.findByRole("dialog");
    expect(within(deck).getByRole("status").textContent).toBe("Preparing the slides…");
    slidesState.current = { status: "ready", slides: SLIDES, context: CONTEXT };
    rerender(<PresentationLauncher />);
    expect(screen.getByText("1 / 3")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Present" }));
  });

  it("prints every slide, numbered, in a report that is removed after printing", async () => {
    const user = userEvent.setup();
    withData();
    const printed: string[][] = [];
    vi.spyOn(window, "print").mockImplementation(() => {
      printed.push(
        [...document.querySelectorAll(".presentation-print-report .print-page")].map(
          (page) => page.textContent ?? "",
        ),
      );
    });
    render(<PresentationLauncher />);
    await user.click(screen.getByRole("button", { name: "Print report" }));
    await waitFor(() => expect(printed).toHaveLength(1));
    expect(printed[0]).toHaveLength(3);
    expect(printed[0]?.[0]).toContain("MQL → SQL is 18.4 % — below the 25–30 % band");
    expect(printed[0]?.[2]).toContain("3 / 3");
    // Every page carries the context footer and the presenter notes of its slide.
    expect(printed[0]?.[0]).toContain("Filters: Team: Enterprise");
    expect(printed[0]?.[0]).toContain("Compared with: 1 Oct 2025 – 31 Dec 2025 (previous period)");
    expect(printed[0]?.[0]).toContain("Presenter notes");
    expect(printed[0]?.[0]).toContain("46 of 250 MQLs reached SQL");
    await waitFor(() => expect(document.querySelector(".presentation-print-report")).toBeNull());
  });
});
