// What opening a link or reopening saved settings changed: values ignored, a link's own settings (keep
// them or go back to mine), saved settings put back to their defaults. Each is one line.

import { useAppStore } from "../../store";

export function LinkNotices() {
  const linkProblems = useAppStore((s) => s.linkProblems);
  const linkSettings = useAppStore((s) => s.linkSettings);
  const settingsNotice = useAppStore((s) => s.settingsNotice);
  const keepLinkSettings = useAppStore((s) => s.keepLinkSettings);
  const restoreMySettings = useAppStore((s) => s.restoreMySettings);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!linkProblems && !linkSettings && !settingsNotice) return null;
  return (
    <div className="link-notices">
      {linkProblems && (
        <p className="banner" role="status" data-notice="link-ignored">
          Ignored in this link: {linkProblems.join("; ")}.{" "}
          <button type="button" className="button" onClick={() => dismiss("linkProblems")}>
            Dismiss
          </button>
        </p>
      )}
      {settingsNotice && (
        <p className="banner" role="status" data-notice="settings-reset">
          {settingsNotice}{" "}
          <button type="button" className="button" onClick={() => dismiss("settingsNotice")}>
            Dismiss
          </button>
        </p>
      )}
      {linkSettings && (
        <p className="banner" role="status" data-notice="link-settings">
          This link uses its own settings ({linkSettings.differences.join(", ")}); your saved settings are
          unchanged.{" "}
          <button type="button" className="button" onClick={keepLinkSettings}>
            Keep them
          </button>{" "}
          <button type="button" className="button" onClick={restoreMySettings}>
            Go back to mine
          </button>
        </p>
      )}
    </div>
  );
}
