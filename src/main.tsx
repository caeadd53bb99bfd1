// Entry: start DuckDB at once (it takes ~2 s to compile) in parallel with the first render.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { appEngine } from "./app/engine";
import { prefetchSample } from "./app/importFiles";
import "./styles.css";

void appEngine();
// The sample is needed on a first visit; fetching it now overlaps the ~2 s wasm compile.
void prefetchSample().catch(() => undefined);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
