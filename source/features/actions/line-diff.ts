// A line diff by longest common subsequence: enough for two task definitions rendered as JSON,
// without a dependency.

export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** Beyond this many LCS cells (16 MB of table) the changed middle is shown as removed + added. */
const MAX_CELLS = 4_000_000;

export function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const same = (lines: readonly string[]) => lines.map((text): DiffLine => ({ kind: "same", text }));
  return [
    ...same(before.slice(0, start)),
    ...middle(before.slice(start, endBefore), after.slice(start, endAfter)),
    ...same(before.slice(endBefore)),
  ];
}

function middle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const removed = (text: string): DiffLine => ({ kind: "removed", text });
  const added = (text: string): DiffLine => ({ kind: "added", text });
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return [...a.map(removed), ...b.map(added)];

  // lcs[i * width + j]: length of the LCS of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]! });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push(removed(a[i]!));
      i += 1;
    } else {
      out.push(added(b[j]!));
      j += 1;
    }
  }
  return [...out, ...a.slice(i).map(removed), ...b.slice(j).map(added)];
}

/** A run of changes with the unchanged lines around it; starts are 1-based, as `diff -u` prints. */
export interface Hunk {
  beforeStart: number;
  beforeCount: number;
  afterStart: number;
  afterCount: number;
  lines: DiffLine[];
  /** Unchanged lines left out before this hunk. */
  skippedBefore: number;
}

/**
 * The changes of a diff grouped into hunks, each with up to `context` unchanged lines on either
 * side (hunks closer than that merge), and how many unchanged lines follow the last one.
 */
export function diffHunks(
  diff: readonly DiffLine[],
  context: number,
): { hunks: Hunk[]; skippedAfter: number } {
  const hunks: Hunk[] = [];
  const changed = diff.flatMap((line, index) => (line.kind === "same" ? [] : [index]));
  // Line numbers on each side where each diff line sits (the next line's number for the other side).
  const before: number[] = [];
  const after: number[] = [];
  let b = 1;
  let a = 1;
  for (const line of diff) {
    before.push(b);
    after.push(a);
    if (line.kind !== "added") b += 1;
    if (line.kind !== "removed") a += 1;
  }
  let end = 0;
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(end, changed[i]! - context);
    let last = changed[i]!;
    while (i + 1 < changed.length && changed[i + 1]! - last <= 2 * context + 1) last = changed[++i]!;
    i += 1;
    const to = Math.min(diff.length, last + context + 1);
    const lines = diff.slice(from, to);
    hunks.push({
      beforeStart: before[from]!,
      beforeCount: lines.filter((line) => line.kind !== "added").length,
      afterStart: after[from]!,
      afterCount: lines.filter((line) => line.kind !== "removed").length,
      lines,
      skippedBefore: from - end,
    });
    end = to;
  }
  return { hunks, skippedAfter: hunks.length === 0 ? 0 : diff.length - end };
}

/** "@@ -3,7 +3,8 @@": an empty side starts at the line before, as `diff -u` writes it. */
export function hunkHeader(hunk: Hunk): string {
  const side = (start: number, count: number) => `${count === 0 ? start - 1 : start},${count}`;
  return `@@ -${side(hunk.beforeStart, hunk.beforeCount)} +${side(hunk.afterStart, hunk.afterCount)} @@`;
}
