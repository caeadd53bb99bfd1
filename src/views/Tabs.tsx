// The screen tabs; each screen registers here with its label. Arrow keys move between tabs.

import { type KeyboardEvent, type ReactNode, Suspense } from "react";
import { type Tab, useAppStore } from "../store";

export interface Screen {
  tab: Tab;
  label: string;
  render: () => ReactNode;
}

export function Tabs(props: { screens: readonly Screen[] }) {
  const tab = useAppStore((s) => s.tab);
  const setTab = useAppStore((s) => s.setTab);
  const current = props.screens.find((s) => s.tab === tab) ?? props.screens[0];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const i = props.screens.findIndex((s) => s.tab === current?.tab);
    const next =
      props.screens[
        (i + (event.key === "ArrowRight" ? 1 : -1) + props.screens.length) % props.screens.length
      ];
    if (next) {
      setTab(next.tab);
      document.getElementById(`tab-${next.tab}`)?.focus();
    }
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Screens" onKeyDown={onKeyDown}>
        {props.screens.map((screen) => (
          <button
            key={screen.tab}
            id={`tab-${screen.tab}`}
            type="button"
            role="tab"
            aria-selected={screen.tab === current?.tab}
            aria-controls={`panel-${screen.tab}`}
            tabIndex={screen.tab === current?.tab ? 0 : -1}
            className="tab"
            onClick={() => setTab(screen.tab)}
          >
            {screen.label}
          </button>
        ))}
      </div>
      {current && (
        <div id={`panel-${current.tab}`} role="tabpanel" aria-labelledby={`tab-${current.tab}`}>
          <Suspense
            fallback={
              <p className="view-note" role="status">
                Loading the {current.label} screen…
              </p>
            }
          >
            {current.render()}
          </Suspense>
        </div>
      )}
    </>
  );
}
