// Two tabs, one saved workspace: saves are taken in turn across tabs (Web Locks), the tab that saved
// last owns what is kept, and every other tab is told (BroadcastChannel) and offered a reload. Settings
// changed in another tab are read back here (storage events on the per-setting entries).

import { useAppStore } from "../store";

const CHANNEL = "funnel-lens:workspace";
const SETTINGS_PREFIX = "funnel-lens:settings:";
/** Held while a tab writes or clears the saved workspace, so two tabs never interleave. */
export const WORKSPACE_LOCK = "funnel-lens:saved-workspace";

interface WorkspaceMessage {
  kind: "saved" | "cleared";
  tab: string;
  label: string | null;
}

const tabId =
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Math.random()}`;
let channel: BroadcastChannel | null = null;

function isMessage(value: unknown): value is WorkspaceMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    (m.kind === "saved" || m.kind === "cleared") &&
    typeof m.tab === "string" &&
    (typeof m.label === "string" || m.label === null)
  );
}

/** Runs `work` while holding the cross-tab workspace lock (plainly where Web Locks are missing). */
export function withWorkspaceLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (!locks) return work();
  return new Promise<T>((resolve, reject) => {
    locks.request(WORKSPACE_LOCK, () => work().then(resolve, reject)).catch(reject);
  });
}

/** Tells the other tabs that this one replaced (label) or cleared (null) the saved workspace. */
export function announceWorkspace(kind: WorkspaceMessage["kind"], label: string | null): void {
  channel?.postMessage({ kind, tab: tabId, label } satisfies WorkspaceMessage);
  // What this tab shows is what is kept again.
  useAppStore.getState().setChangedElsewhere(null);
}

/** Starts listening to the other tabs; once per page. */
export function watchOtherTabs(): void {
  if (channel !== null || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isMessage(event.data) || event.data.tab === tabId) return;
    const store = useAppStore.getState();
    // What this tab shows is no longer what a reload would open.
    store.setKept(false);
    store.setChangedElsewhere({ label: event.data.kind === "saved" ? event.data.label : null });
  };
  window.addEventListener("storage", (event) => {
    if (event.key === null || !event.key.startsWith(SETTINGS_PREFIX)) return;
    // A link's own settings are on screen: they stay until the user keeps or drops them.
    if (useAppStore.getState().linkSettings) return;
    void useAppStore.persist.rehydrate();
  });
}
