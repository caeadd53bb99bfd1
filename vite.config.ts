import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { sampleAnswers } from "./build/sampleAnswers.ts";

/**
 * The Content-Security-Policy the built app runs under: everything it loads comes from its own
 * origin, and it sends nothing anywhere else. Each source is here because the app needs it:
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  // Anything not listed below: the app's own files only.
  "default-src": ["'self'"],
  // The bundle's own modules. 'wasm-unsafe-eval' lets DuckDB compile its wasm (in the worker, which
  // inherits this policy); it allows no JavaScript eval and no inline script.
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  // DuckDB's worker starts from a blob: wrapper script (src/db/worker.ts); the app has no other worker.
  "worker-src": ["blob:"],
  // fetch() of the bundled wasm and the sample CSV; no request may leave the origin.
  "connect-src": ["'self'"],
  // 'self' for the favicon (public/favicon.svg); data: for the SVG image html-to-image draws a chart from for the PNG
  // export. Stylesheets fall back to default-src: React sets inline styles through the CSSOM, which
  // style-src does not govern, so no 'unsafe-inline' is needed.
  "img-src": ["'self'", "data:"],
  // Not covered by default-src's fallback, or narrower than it: no plugins, no <base> that would
  // redirect the bundle's relative URLs, no form posting data anywhere (the one form only calls JS).
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
};

/** Only an HTTP header can say these; a <meta> policy ignores them (public/_headers adds them). */
export const HEADER_ONLY_POLICY: Record<string, string[]> = {
  // No other site may frame the app (click-jacking).
  "frame-ancestors": ["'none'"],
};

export function policyText(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

/** Where the build writes the <meta>: before every script and stylesheet, which it then covers. */
const META_PLACE = "<!-- Content-Security-Policy: the build puts it here (vite.config.ts) -->";

/**
 * Puts the policy in the built index.html as a <meta> at META_PLACE, and stops the build if public/_headers, the header example copied to
 * dist/ for static hosts, says something else. Build only: Vite's dev server injects CSS as inline
 * <style> elements, which this policy blocks (the dev dashboard rendered unstyled).
 */
function contentSecurityPolicy(): Plugin {
  const meta = policyText(CONTENT_SECURITY_POLICY);
  const header = policyText({ ...CONTENT_SECURITY_POLICY, ...HEADER_ONLY_POLICY });
  return {
    name: "funnel-lens:content-security-policy",
    apply: "build",
    buildStart() {
      const headers = readFileSync(new URL("public/_headers", import.meta.url), "utf8");
      const line = headers.split("\n").find((l) => l.trim().startsWith("Content-Security-Policy:"));
      const written = line?.slice(line.indexOf(":") + 1).trim();
      if (written !== header)
        this.error(`public/_headers must set Content-Security-Policy: ${header}\n(it says: ${written})`);
    },
    transformIndexHtml(html) {
      if (!html.includes(META_PLACE)) throw new Error(`index.html has lost its ${META_PLACE} line`);
      return html.replace(META_PLACE, `<meta http-equiv="Content-Security-Policy" content="${meta}" />`);
    },
  };
}

// The DuckDB wasm and worker files are imported with `?url` in src/db, so Vite emits them into
// dist/assets and the app never needs a CDN.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), sampleAnswers()],
  build: { target: "es2022", chunkSizeWarningLimit: 2000 },
  worker: { format: "es" },
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
