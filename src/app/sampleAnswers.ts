// The bundled sample's identity and its first screen's answers, computed at build time by the app's
// own metric SQL on native DuckDB (build/sampleAnswers.ts).

import answers from "virtual:funnel-lens/sample-answers";

export const SAMPLE_IDENTITY: string = answers.base;
export const SAMPLE_ANSWERS: { identity: string; entries: [string, unknown][] } = answers;
