// Serves the built app (dist/) with `vite preview` for the browser tests, and stops it afterwards.

import { existsSync } from "node:fs";
import { preview } from "vite";

export const E2E_PORT = 4173;

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync("dist/index.html"))
    throw new Error("dist/ is missing: run `npm run build` before the browser tests");
  const server = await preview({ preview: { port: E2E_PORT, strictPort: true, host: "127.0.0.1" } });
  return async () => {
    await server.close();
  };
}
