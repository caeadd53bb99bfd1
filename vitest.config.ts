import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { sampleAnswers } from "./build/sampleAnswers.ts";

export default defineConfig({
  plugins: [react(), sampleAnswers()],
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
