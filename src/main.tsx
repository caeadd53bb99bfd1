// Entry: start DuckDB at once (it takes ~2 s to compile) in parallel with the first render.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { appEngine } from "./app/engine";
import "./styles.css";

void appEngine();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
