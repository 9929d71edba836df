// A manual clock for tests and screenshots: pass `clock.now` as SimOptions.now, then move time.

export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** Starts at a fixed instant by default, so a seeded world is identical from run to run. */
export function createFakeClock(start = Date.UTC(2026, 0, 15, 9, 30, 0)): FakeClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
