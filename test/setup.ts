// Shared Vitest setup: unmount rendered React trees after each test so tests never see each other's DOM.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
});
