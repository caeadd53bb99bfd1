import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The DuckDB wasm and worker files are imported with `?url` in src/db, so Vite emits them into
// dist/assets and the app never needs a CDN.
export default defineConfig({
  plugins: [react()],
  build: { target: "es2022", chunkSizeWarningLimit: 2000 },
  worker: { format: "es" },
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
