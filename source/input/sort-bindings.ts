// The sort keys, generated from the columns of every kind: one binding per letter, which names the
// column it sorts by in each view (`N` is NAME in most views, ID in tasks and deployments).
import { KINDS, type AnyKind } from "../kinds/registry.js";
import type { KindId } from "../kinds/types.js";
import type { KeyHint } from "./binding.js";

/** A sort key of the table: one letter, the views it sorts and by which column in each. */
export interface SortBinding extends KeyHint {
  action: "sort";
  kinds: KindId[];
}

export function sortBindings(): SortBinding[] {
  const byLetter = new Map<string, { headers: string[]; kinds: KindId[] }>();
  for (const kind of Object.values(KINDS)) {
    for (const { sortKey, header } of kind.columns) {
      if (!sortKey) continue;
      const entry = byLetter.get(sortKey) ?? { headers: [], kinds: [] };
      if (!entry.headers.includes(header)) entry.headers.push(header);
      entry.kinds.push(kind.id);
      byLetter.set(sortKey, entry);
    }
  }
  return [...byLetter]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([letter, { headers, kinds }]) => ({
      action: "sort",
      keys: [letter],
      description: `Sort by ${headers.join(", ")}`,
      hint: false,
      kinds,
    }));
}

/** The sort keys of one kind of view, for help: `<N> NAME`, `<Y> TYPE (wide)`. */
export function sortHints(kind: AnyKind): KeyHint[] {
  return kind.columns.flatMap(({ sortKey, header, wide }) =>
    sortKey
      ? [
          {
            action: `sort ${sortKey}`,
            keys: [sortKey],
            description: wide ? `${header} (wide)` : header,
            hint: false,
          },
        ]
      : [],
  );
}
