// Runs before the app's own bundle is evaluated (index.html loads it first): starts DuckDB's worker,
// whose 34 MB wasm takes seconds to download and compile, and the sample download at once.

import { prefetchSample } from "./app/sampleFile";
import { appEngine } from "./queries/engine";

void appEngine();
// The sample is needed on a first visit; fetching it now overlaps the wasm compile.
void prefetchSample().catch(() => undefined);
