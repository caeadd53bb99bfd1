// Names for loaded data that survive a reload: answers kept from a last visit are shown only for the
// data (and the derive settings) they were computed on.

const STALLED = "~stalled-";

/** The identity of `base` data as derived with `stalledDays` (lead status is decided when deriving). */
export function derivedIdentity(base: string, stalledDays: number): string {
  return `${base}${STALLED}${stalledDays}`;
}

/** The data's own identity, without the derive settings. */
export function baseIdentity(identity: string): string {
  const at = identity.lastIndexOf(STALLED);
  return at < 0 ? identity : identity.slice(0, at);
}
