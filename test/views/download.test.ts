// @vitest-environment jsdom
// Tests for saving generated text as a file: a Blob and a temporary download link, nothing on the network.
import { afterEach, describe, expect, it, vi } from "vitest";
import { downloadText } from "../../src/ui/download";

describe("downloadText", () => {
  // jsdom has no object URLs; stand them in for this file only.
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("clicks a temporary download link to a Blob URL with the text, then releases the URL", async () => {
    vi.useFakeTimers();
    let saved: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return "blob:funnel-lens/1";
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });

    downloadText("funnel-table.csv", "stage,reached\r\nlead,5000\r\n", "text/csv;charset=utf-8");

    expect(clicked).toEqual([{ href: "blob:funnel-lens/1", download: "funnel-table.csv", attached: true }]);
    expect(document.querySelector("a[download]")).toBeNull();
    expect(saved?.type).toBe("text/csv;charset=utf-8");
    expect(await saved?.text()).toBe("stage,reached\r\nlead,5000\r\n");
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:funnel-lens/1");
  });
});
