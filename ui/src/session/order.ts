// Session updates reach the UI two ways (the channel, and command replies), which can
// overtake each other: only an update newer than the one drawn may be drawn.

export function isNewer(drawnSeq: number | null, seq: number): boolean {
  return drawnSeq === null || seq > drawnSeq;
}
