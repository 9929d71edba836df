// The one line editor of every prompt: a cursor, the readline keys, pastes, and nothing but text
// getting in.
import { describe, expect, it } from "vitest";
import {
  editLine,
  lineOf,
  typedText,
  walkHistory,
  type TextLine,
} from "../../../source/input/line-editor.js";

/** Presses keys (names as the dispatcher gives them) on a line; a one-character name types itself. */
function press(line: TextLine, ...keys: string[]): TextLine {
  for (const key of keys) line = editLine(line, key, key.length === 1 ? key : "") ?? line;
  return line;
}

/** The line drawn with its cursor as `|`. */
const shown = ({ text, cursor }: TextLine) => [...text].toSpliced(cursor, 0, "|").join("");

describe("line editor", () => {
  it("types at the cursor, which moves left, right, home and end within the line", () => {
    let line = press(lineOf(""), "a", "b", "c");
    expect(shown(line)).toBe("abc|");
    line = press(line, "left", "left", "X");
    expect(shown(line)).toBe("aX|bc");
    expect(shown(press(line, "home"))).toBe("|aXbc");
    expect(shown(press(line, "ctrl-a", "left"))).toBe("|aXbc");
    expect(shown(press(line, "end"))).toBe("aXbc|");
    expect(shown(press(line, "ctrl-e", "right"))).toBe("aXbc|");
  });

  it("deletes before the cursor (backspace), under it (ctrl-d), to either end, and a word", () => {
    const line = press(lineOf("svc web api"), "left", "left", "left", "left");
    expect(shown(line)).toBe("svc web| api");
    expect(shown(press(line, "backspace"))).toBe("svc we| api");
    expect(shown(press(line, "ctrl-d"))).toBe("svc web|api");
    expect(shown(press(line, "ctrl-u"))).toBe("| api");
    expect(shown(press(line, "ctrl-k"))).toBe("svc web|");
    expect(shown(press(line, "ctrl-w"))).toBe("svc | api");
    // With nothing to delete the line stays as it is.
    expect(press(lineOf(""), "backspace", "ctrl-d", "ctrl-w")).toEqual({ text: "", cursor: 0 });
  });

  it("ctrl-u with the cursor at the end clears the line", () => {
    expect(press(lineOf("name:^prod$"), "ctrl-u")).toEqual({ text: "", cursor: 0 });
  });

  it("takes a paste of several characters at once, at the cursor", () => {
    const line = editLine({ text: "ab", cursor: 1 }, "hello world", "hello world");
    expect(line).toEqual({ text: "ahello worldb", cursor: 12 });
  });

  it("drops control characters and escape sequences, in a key or in a paste", () => {
    expect(editLine(lineOf("a"), "\u001c", "\u001c")).toBeUndefined();
    expect(editLine(lineOf("a"), "x\u0007y", "x\u0007y")).toEqual(lineOf("axy"));
    expect(editLine(lineOf(""), "p", "p\u001b[31mq\u001b]52;c;aGk=\u0007r\u009b2Js")).toEqual(lineOf("pqrs"));
    expect(typedText("\u007f", "\u007f")).toBeUndefined();
  });

  it("types nothing for named and ctrl keys: they are the prompt's to handle", () => {
    for (const key of ["enter", "esc", "tab", "up", "down", "pgdn", "ctrl-r", "ctrl-c"]) {
      expect(editLine(lineOf("a"), key, key === "enter" ? "\r" : "r"), key).toBeUndefined();
    }
    expect(typedText("space", " ")).toBe(" ");
    expect(press(lineOf("a"), " ", "b")).toEqual(lineOf("a b"));
  });

  it("moves by characters, not UTF-16 units", () => {
    const line = press(lineOf("a🚀b"), "left", "left");
    expect(shown(line)).toBe("a|🚀b");
    expect(press(line, "ctrl-d")).toEqual({ text: "ab", cursor: 1 });
  });
});

describe("line history", () => {
  const walk = { history: ["dp", "svc", "cl"], index: -1, saved: "ta" };

  it("up goes to older entries and stops at the oldest; down comes back to the draft", () => {
    expect(walkHistory(walk, "up")).toEqual({ index: 0, text: "dp" });
    expect(walkHistory({ ...walk, index: 2 }, "up")).toBeUndefined();
    expect(walkHistory({ ...walk, index: 1 }, "down")).toEqual({ index: 0, text: "dp" });
    expect(walkHistory({ ...walk, index: 0 }, "down")).toEqual({ index: -1, text: "ta" });
    expect(walkHistory(walk, "down")).toBeUndefined();
    expect(walkHistory({ ...walk, history: [] }, "up")).toBeUndefined();
    expect(walkHistory(walk, "left")).toBeUndefined();
  });
});
