// The step dialog shares the action dialog's reducer: its lists take the page keys too, its fields
// the line editor's keys.
import { describe, expect, it, vi } from "vitest";
import { StepDialog } from "../../../../source/features/dialogs/step-dialog.js";
import type { DialogView } from "../../../../source/features/dialogs/dialog-view.js";

function dialog() {
  const shown: (DialogView | undefined)[] = [];
  const flashes: string[] = [];
  const steps = new StepDialog(
    (view) => shown.push(view),
    (text) => flashes.push(text),
  );
  const press = (...keys: string[]) =>
    keys.forEach((key) => steps.handleKey(key, key.length === 1 ? key : ""));
  return { steps, shown, flashes, press };
}

describe("step dialog", () => {
  it("moves a list by pages with pgdn and pgup, like the action dialog", () => {
    const { steps, press } = dialog();
    const choose = vi.fn();
    const items = Array.from({ length: 25 }, (_, i) => ({ label: `region-${i}` }));
    steps.openPick({ title: "Region", items, notes: [], submit: "enter switches", choose });
    press("pgdn");
    expect(steps.current).toMatchObject({ cursor: 10 });
    press("pgdn", "pgdn");
    expect(steps.current).toMatchObject({ cursor: 24 });
    press("pgup");
    expect(steps.current).toMatchObject({ cursor: 14 });
    press("enter");
    expect(choose).toHaveBeenCalledWith(14);
  });

  it("checks a field again when its value changes, not when only its cursor moves", () => {
    const { steps, press } = dialog();
    const check = vi.fn((values: string[]) =>
      values[0] === ""
        ? { ok: false as const, message: "type a port" }
        : { ok: true as const, preview: values[0]! },
    );
    steps.openPrompt({
      title: "Port",
      fields: [{ label: "port", value: "80" }],
      notes: [],
      submit: "enter forwards",
      check,
      accept: () => undefined,
    });
    press("end");
    expect(steps.current).toMatchObject({ fields: [{ value: "80", cursor: 2, fresh: false }] });
    check.mockClear();
    press("left");
    expect(check).not.toHaveBeenCalled();
    expect(steps.current).toMatchObject({ fields: [{ value: "80", cursor: 1 }] });
    press("ctrl-u");
    expect(check).toHaveBeenCalledWith(["0"]);
    expect(steps.current).toMatchObject({ fields: [{ value: "0" }], preview: "0" });
    press("ctrl-k");
    expect(steps.current).toMatchObject({ fields: [{ value: "" }], error: "type a port" });
  });

  it("esc on a list or a prompt says nothing was sent; on a wait, what was cancelled", () => {
    const { steps, press, flashes } = dialog();
    steps.openPick({ title: "Region", items: [], notes: [], submit: "", choose: () => {} });
    press("esc");
    steps.wait("Checking exec", "…");
    press("esc");
    expect(flashes).toEqual(["cancelled: Region; nothing was sent", "cancelled: Checking exec"]);
    expect(steps.isOpen).toBe(false);
  });
});
