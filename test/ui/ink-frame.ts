// Reading a frame rendered by ink-testing-library as a user sees it: its lines without escape
// sequences, and the style (colour, bold, inverse…) of the text at a place on screen. Colours are
// the names the theme uses (chalk's basic 16), since test/ui/setup.ts forces colour on.
import { render } from "ink-testing-library";
import type { ReactElement } from "react";

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[([0-9;]*)m/g;

const COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

export interface Style {
  color?: string;
  background?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
}

export interface Screen {
  /** The frame's lines, without escape sequences. */
  lines: string[];
  /** The whole frame without escape sequences. */
  text: string;
  /** The style of each character of each line. */
  styles: Style[][];
  /** The style of the first character of the first place `text` shows (or throws). */
  styleOf(text: string, occurrence?: number): Style;
  /** The style of every character of the first place `text` shows, when they are all the same. */
  uniformStyleOf(text: string): Style;
}

function colourName(code: number, base: number): string | undefined {
  if (code >= base && code < base + 8) return COLOURS[code - base];
  if (code >= base + 60 && code < base + 68) {
    const name = COLOURS[code - base - 60]!;
    return name === "black" ? "gray" : `${name}Bright`;
  }
  return undefined;
}

function apply(style: Style, codes: number[]): Style {
  const next = { ...style };
  for (const code of codes.length ? codes : [0]) {
    if (code === 0) for (const key of Object.keys(next)) delete next[key as keyof Style];
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 22) {
      delete next.bold;
      delete next.dim;
    } else if (code === 7) next.inverse = true;
    else if (code === 27) delete next.inverse;
    else if (code === 9) next.strikethrough = true;
    else if (code === 29) delete next.strikethrough;
    else if (code === 39) delete next.color;
    else if (code === 49) delete next.background;
    else if (colourName(code, 30)) next.color = colourName(code, 30);
    else if (colourName(code, 40)) next.background = colourName(code, 40);
  }
  return next;
}

export function readFrame(frame: string): Screen {
  const lines: string[] = [];
  const styles: Style[][] = [];
  let style: Style = {};
  for (const raw of frame.split("\n")) {
    let line = "";
    const lineStyles: Style[] = [];
    let from = 0;
    for (const match of raw.matchAll(SGR)) {
      for (const char of raw.slice(from, match.index)) {
        line += char;
        lineStyles.push(style);
      }
      style = apply(style, match[1] ? match[1].split(";").map(Number) : []);
      from = match.index + match[0].length;
    }
    for (const char of raw.slice(from)) {
      line += char;
      lineStyles.push(style);
    }
    lines.push(line);
    styles.push(lineStyles);
  }
  const find = (text: string, occurrence = 0): [number, number] => {
    let seen = 0;
    for (let y = 0; y < lines.length; y++) {
      for (let x = lines[y]!.indexOf(text); x >= 0; x = lines[y]!.indexOf(text, x + 1)) {
        if (seen++ === occurrence) return [y, [...lines[y]!.slice(0, x)].length];
      }
    }
    throw new Error(`"${text}" is not on screen:\n${lines.join("\n")}`);
  };
  return {
    lines,
    text: lines.join("\n"),
    styles,
    styleOf(text, occurrence) {
      const [y, x] = find(text, occurrence);
      return styles[y]![x]!;
    },
    uniformStyleOf(text) {
      const [y, x] = find(text);
      const all = styles[y]!.slice(x, x + [...text].length);
      const first = JSON.stringify(all[0]);
      const other = all.find((one) => JSON.stringify(one) !== first);
      if (other)
        throw new Error(`"${text}" is drawn in more than one style: ${first}, ${JSON.stringify(other)}`);
      return all[0]!;
    },
  };
}

export interface Rendered extends Screen {
  /** The frame drawn last (after a store the widget reads changed, or a rerender). */
  latest(): Screen;
  rerender(tree: ReactElement): Screen;
}

/**
 * Renders a widget with ink-testing-library, whose terminal is 100 columns wide and has no rows:
 * for widgets told their size by props. (Whole screens use render-tui.tsx, which has rows.)
 * Call `cleanup` from ink-testing-library after each test.
 */
export function renderWidget(tree: ReactElement): Rendered {
  const rendered = render(tree);
  const latest = () => readFrame(rendered.lastFrame() ?? "");
  return {
    ...latest(),
    latest,
    rerender(next) {
      rendered.rerender(next);
      return latest();
    },
  };
}
