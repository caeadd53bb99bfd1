// Saves text the app generated (CSV, SVG) as a file on the user's machine: a Blob, never the network.

export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the Blob after click() returns, so release it on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
