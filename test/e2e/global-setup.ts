// Serves the built app (dist/) with `vite preview` for the browser tests, and stops it afterwards.

import { existsSync } from "node:fs";
import { preview } from "vite";

// E2E_PORT and E2E_DIST let two people (or two helpers) run the browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? "dist";

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(`${DIST}/index.html`))
    throw new Error(`${DIST}/ is missing: run \`npm run build\` before the browser tests`);
  const server = await preview({
    build: { outDir: DIST },
    preview: { port: E2E_PORT, strictPort: true, host: "127.0.0.1" },
  });
  return async () => {
    await server.close();
  };
}
