/**
 * User-timing entries `yarn bench:ui` reads to tell layout from rendering.
 * Best effort: jsdom and old browsers lack parts of the User Timing API.
 */
export function markCellLayout(startedAt: number) {
  try {
    performance.measure('choreo-cell-layout', { start: startedAt });
  } catch {
    // no user timing here; nothing depends on it
  }
}

export function markCellReady() {
  try {
    performance.mark('choreo-cell-ready');
  } catch {
    // as above
  }
}
