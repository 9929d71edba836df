// `/`: the filter prompt. The view on top is filtered as the draft is typed; enter keeps the
// filter, esc drops it.
import { topOf, type AppState, type StatePatch, type Step } from "./app-state.js";
import { filtered } from "./nav-stack.js";
import { baseOf, NO_OVERLAY, withBase } from "./overlay.js";
import { filterHint } from "./row-filter.js";
import { kindOf } from "./view-rows.js";

export function openedFilter(state: AppState): StatePatch {
  const draft = topOf(state).filter;
  return { overlay: withBase(state.overlay, { type: "filter", draft, cursor: [...draft].length }) };
}

/** Only a new text filters again (and may say a hint); moving the cursor changes nothing else. */
export function editedFilter(state: AppState, draft: string, cursor = [...draft].length): Step {
  const base = baseOf(state.overlay);
  const open = base.type === "filter";
  const overlay = open ? withBase(state.overlay, { type: "filter", draft, cursor }) : state.overlay;
  if (open && base.draft === draft) return { patch: { overlay } };
  const hint = filterHint(kindOf(topOf(state)), draft);
  return { patch: { overlay, ...filtered(state, draft) }, ...(hint ? { flash: hint } : {}) };
}

export function closedFilter(state: AppState, keep: boolean): StatePatch {
  return { ...(keep ? {} : filtered(state, "")), overlay: withBase(state.overlay, NO_OVERLAY) };
}
