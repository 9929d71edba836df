// What the action dialog says, as lines of coloured text already wrapped to the dialog's width:
// pure, so that the dialog's height is known before layout and tests can read the content. The
// body may scroll; the footer (keys, typed confirmation, errors) is always on screen.
import { diffHunks, type DiffLine } from "../features/actions/line-diff.js";
import type { PlannedCall } from "../features/actions/types.js";
import type { DialogView, PromptField } from "../features/dialogs/dialog-view.js";
import { sanitizeCell } from "../core/text/sanitize.js";
import { splitAtCursor } from "./cursor-text.js";
import { stringWidth } from "./text-fit.js";
import { theme } from "./theme.js";

export interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type Line = Segment[];

export interface DialogLines {
  title: string;
  body: Line[];
  footer: Line[];
  /** A body line that must stay visible (the picked item). */
  focusLine?: number;
}

/** Unchanged lines kept around each change of a diff. */
const DIFF_CONTEXT = 2;

export function dialogLines(view: DialogView, width: number): DialogLines {
  const w = Math.max(10, width);
  switch (view.kind) {
    case "busy":
      return {
        title: view.title,
        body: wrapped(view.text, w, { color: theme.progress }),
        footer: [[{ text: "esc cancels", dim: true }]],
      };
    case "prompt":
      return promptLines(view, w);
    case "pick":
      return pickLines(view, w);
    case "confirm":
      return confirmLines(view, w);
    case "notice":
      return noticeLines(view, w);
  }
}

function noticeLines(view: Extract<DialogView, { kind: "notice" }>, w: number): DialogLines {
  const body: Line[] = [];
  for (const item of view.items) {
    body.push(...wrapped(item.text, w, { color: theme.error, bold: true }, "✗ ", "  "));
    if (item.hint) body.push(...wrapped(item.hint, w, { color: theme.warn }, "  → ", "    "));
  }
  for (const note of view.notes) body.push(...wrapped(note, w, { dim: true }));
  const footer: Line = [{ text: "enter or esc closes", dim: true }];
  if (view.override) {
    footer.push({ text: " · ", dim: true }, { text: view.override.label, color: theme.key });
  }
  return { title: view.title, body, footer: [footer] };
}

function promptLines(view: Extract<DialogView, { kind: "prompt" }>, w: number): DialogLines {
  const body: Line[] = view.notes.flatMap((note) => wrapped(note, w, { dim: true }));
  const labelWidth = Math.max(...view.fields.map((field) => stringWidth(field.label))) + 2;
  view.fields.forEach((field, i) => body.push(fieldLine(field, i === view.focus, labelWidth)));
  if (view.error) body.push(...wrapped(view.error, w, { color: theme.error }));
  else if (view.preview) body.push(...wrapped(`→ ${view.preview}`, w, { color: theme.ok }));
  for (const warning of view.warnings) body.push(...wrapped(`! ${warning}`, w, { color: theme.warn }));
  const tab = view.fields.length > 1 ? " · tab next field" : "";
  return {
    title: view.title,
    body,
    footer: [
      [{ text: `${view.submit ?? "enter review (nothing is sent yet)"} · esc cancel${tab}`, dim: true }],
    ],
  };
}

function fieldLine(field: PromptField, focused: boolean, labelWidth: number): Line {
  const label: Segment = { text: `${field.label}:`.padEnd(labelWidth), color: theme.key, bold: focused };
  if (!focused) return [label, { text: sanitizeCell(field.value) }];
  // A pre-filled value shows selected: typing replaces it.
  if (field.fresh) return [label, { text: sanitizeCell(field.value), inverse: true }];
  return [label, ...cursorSegments(field.value, field.cursor)];
}

/** Typed text with its cursor: the cell under it in inverse video (a space at the end). */
function cursorSegments(text: string, cursor: number): Segment[] {
  const { before, at, after } = splitAtCursor(text, cursor);
  const segments: Segment[] = [
    { text: sanitizeCell(before) },
    { text: sanitizeCell(at) || " ", inverse: true },
  ];
  return after ? [...segments, { text: sanitizeCell(after) }] : segments;
}

function pickLines(view: Extract<DialogView, { kind: "pick" }>, w: number): DialogLines {
  const body: Line[] = view.notes.flatMap((note) => wrapped(note, w, { dim: true }));
  const first = body.length;
  view.items.forEach((item, i) => {
    const selected = i === view.cursor;
    const label = sanitizeCell(item.label);
    const note = item.note ? `  (${item.note})` : "";
    const pad = " ".repeat(Math.max(0, w - stringWidth(label) - stringWidth(note)));
    body.push([
      { text: label, inverse: selected, bold: selected },
      { text: note, inverse: selected, dim: !selected },
      { text: selected ? pad : "", inverse: selected },
    ]);
  });
  const footer: Line[] = [];
  if (view.error) footer.push(...wrapped(view.error, w, { color: theme.error }));
  footer.push([{ text: `${view.submit ?? "enter review"} · j/k move · esc cancel`, dim: true }]);
  return { title: view.title, body, footer, focusLine: first + view.cursor };
}

function confirmLines(view: Extract<DialogView, { kind: "confirm" }>, w: number): DialogLines {
  const { action } = view;
  const body: Line[] = [];
  for (const detail of action.details) body.push(...wrapped(detail, w));
  for (const warning of action.warnings) body.push(...wrapped(`! ${warning}`, w, { color: theme.warn }));
  body.push([]);
  body.push([
    {
      text: action.calls.length === 1 ? "Sends:" : `Sends ${action.calls.length} calls, in order:`,
      bold: true,
    },
  ]);
  for (const call of action.calls) body.push(...callLines(call, w));
  if (action.diff) body.push(...diffLines(action.diff, w));

  const footer: Line[] = [];
  if (action.confirmation.kind === "typed") {
    footer.push(...wrapped(action.confirmation.prompt, w, { color: theme.warn, bold: true }));
    footer.push([{ text: "> ", color: theme.key }, ...cursorSegments(view.typed, view.cursor)]);
  }
  if (view.error) footer.push(...wrapped(view.error, w, { color: theme.error }));
  if (view.sending) {
    footer.push([{ text: "sending…", color: theme.progress }]);
  } else {
    const keys =
      action.confirmation.kind === "typed"
        ? `enter confirms once it matches · esc cancel`
        : `y send it · n or esc cancel`;
    const scroll = " · ↑/↓ scroll";
    footer.push([
      ...(action.destructive
        ? [{ text: " DESTRUCTIVE ", inverse: true, color: theme.error, bold: true }, { text: " " }]
        : []),
      { text: keys, color: theme.key, bold: true },
      { text: scroll, dim: true },
    ]);
  }
  return { title: action.title, body, footer };
}

/** The API call with its parameters, then the same as an `aws` command line. */
export function callLines(call: PlannedCall, w: number): Line[] {
  const api = `${call.service}:${call.operation} ${JSON.stringify(call.parameters)}`;
  return [
    ...wrapped(api, w, { color: theme.title }, "  ", "    "),
    ...wrapped(`$ ${call.cli}`, w, { color: theme.ok }, "  ", "      "),
  ];
}

function diffLines(diff: readonly DiffLine[], w: number): Line[] {
  const { hunks, skippedAfter } = diffHunks(diff, DIFF_CONTEXT);
  if (hunks.length === 0) return [];
  const lines: Line[] = [[], [{ text: "Task definition changes:", bold: true }]];
  const skipped = (count: number) => {
    if (count > 0) lines.push([{ text: `  … ${count} unchanged lines`, dim: true }]);
  };
  for (const hunk of hunks) {
    skipped(hunk.skippedBefore);
    for (const line of hunk.lines) {
      const mark = line.kind === "added" ? "+ " : line.kind === "removed" ? "- " : "  ";
      const style: Omit<Segment, "text"> =
        line.kind === "added"
          ? { color: theme.ok }
          : line.kind === "removed"
            ? { color: theme.error }
            : { dim: true };
      lines.push(...wrapped(`${mark}${line.text}`, w, style, "", "  "));
    }
  }
  skipped(skippedAfter);
  return lines;
}

/** Wraps at spaces where it can (long words are cut); every line after the first gets `indent`. */
export function wrapped(
  text: string,
  width: number,
  style: Omit<Segment, "text"> = {},
  first = "",
  indent = "",
): Line[] {
  return wrapText(sanitizeCell(text), width, first, indent).map((line) => [{ ...style, text: line }]);
}

export function wrapText(text: string, width: number, first = "", indent = ""): string[] {
  const lines: string[] = [];
  let line = first;
  let lineHasWord = false;
  const limit = Math.max(1, width);
  for (const word of text.split(" ")) {
    const sep = lineHasWord ? " " : "";
    if (lineHasWord && stringWidth(line + sep + word) > limit) {
      lines.push(line);
      line = indent;
      lineHasWord = false;
    }
    let rest = (lineHasWord ? " " : "") + word;
    // A word longer than a whole line is cut where the line ends.
    while (stringWidth(line + rest) > limit && stringWidth(line) < limit) {
      const room = limit - stringWidth(line);
      const [head, tail] = splitAtWidth(rest, room);
      lines.push(line + head);
      line = indent;
      rest = tail;
      if (stringWidth(indent) >= limit) break;
    }
    line += rest;
    lineHasWord = true;
  }
  lines.push(line);
  return lines;
}

function splitAtWidth(text: string, width: number): [string, string] {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const w = stringWidth(char);
    if (used + w > width) break;
    used += w;
    index += char.length;
  }
  if (index === 0) index = [...text][0]?.length ?? 0;
  return [text.slice(0, index), text.slice(index)];
}
