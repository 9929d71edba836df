import type { AnyKind } from "../kinds/registry.js";

export const HIGHLIGHT_MS = 3_000;

/** What a row looks like on screen, with ages frozen so that a ticking clock is not a change. */
export function rowSignature(kind: AnyKind, row: unknown): string {
  return kind.columns.map((column) => column.value(row, 0)).join("\u0000");
}

/**
 * Marks rows whose visible values changed since the last load (new rows count too). Rows that were
 * only placeholders before, and the very first load, are not changes.
 */
export function markChanges(
  kind: AnyKind,
  before: readonly unknown[] | undefined,
  after: readonly unknown[],
  changed: ReadonlyMap<string, number>,
  now: number,
): Map<string, number> {
  const next = new Map([...changed].filter(([, at]) => now - at < HIGHLIGHT_MS));
  if (!before || before.length === 0) return next;
  const previous = new Map(before.map((row) => [kind.key(row), row]));
  for (const row of after) {
    const key = kind.key(row);
    const old = previous.get(key);
    if (old === row) continue;
    if (old !== undefined && kind.isPlaceholder?.(old)) continue;
    if (old === undefined || rowSignature(kind, old) !== rowSignature(kind, row)) next.set(key, now);
  }
  return next;
}
