// Said when another tab replaced or cleared the saved workspace: this tab's numbers are no longer
// what a reload opens, and a reload brings the saved one.

import { useAppStore } from "../../store";

export function ChangedElsewhereBanner(props: { onReload: () => void }) {
  const changed = useAppStore((s) => s.changedElsewhere);
  if (!changed) return null;
  return (
    <div className="banner" role="status" data-notice="changed-elsewhere">
      <p>
        {changed.label === null
          ? "The saved workspace was cleared in another tab."
          : `The saved workspace was changed in another tab: it now holds ${changed.label}.`}{" "}
        This tab still shows its own data, which is no longer kept in this browser.
      </p>
      <button type="button" className="button" onClick={props.onReload}>
        Reload to open the saved workspace
      </button>
    </div>
  );
}
