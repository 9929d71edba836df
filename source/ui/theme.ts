// Colours, by what they mean. Named ANSI colours, so that the terminal's own palette decides the
// exact shades ("terminal", the default); "light" avoids the bright and cyan shades that vanish on
// a light background; NO_COLOR (https://no-color.org) leaves every colour out, keeping bold,
// dim and inverse, so the cursor bar and emphasis still show. applyTheme runs once at start-up.
import type { Tone } from "../kinds/types.js";

export const THEMES = ["terminal", "light"] as const;
export type ThemeName = (typeof THEMES)[number];

type Colour = string | undefined;

const TERMINAL = {
  border: "cyan",
  title: "cyan",
  key: "magenta",
  info: "yellow",
  highlight: "yellowBright",
  error: "red",
  warn: "yellowBright",
  ok: "green",
  progress: "cyan",
  marked: "magenta",
  /** Search and filter matches: this background with `matchText`. */
  match: "yellow",
  matchText: "black",
  /** Breadcrumbs: the current one, the ones above it, and their text. */
  crumb: "cyan",
  crumbAbove: "gray",
  crumbText: "black",
  /** The read-only badge: this background with `badgeText`. */
  badge: "red",
  badgeText: "whiteBright",
  /** Log pane markers (lines dropped, history gaps). */
  marker: "yellow",
  /** Log lines by level (info lines keep the terminal's colour). */
  logError: "red",
  logWarn: "yellow",
  logDebug: "gray",
} satisfies Record<string, Colour>;

export type Theme = { [K in keyof typeof TERMINAL]: Colour };

const LIGHT: Theme = {
  ...TERMINAL,
  border: "blue",
  title: "blue",
  info: "blue",
  highlight: "magenta",
  warn: "yellow",
  progress: "blue",
  crumb: "blue",
  crumbText: "white",
  badgeText: "white",
};

/** The log pane's task/container prefixes, one colour per source. */
const SOURCES: Record<ThemeName, string[]> = {
  terminal: ["cyan", "magenta", "green", "blue", "yellow", "white"],
  light: ["blue", "magenta", "green", "red", "black", "gray"],
};

type JsonToken = "key" | "string" | "number" | "literal";

/** A description's JSON tokens: each kind of value its own colour, keys apart from them all. */
const JSON_TOKENS: Record<ThemeName, Record<JsonToken, Colour>> = {
  terminal: { key: "blueBright", string: "green", number: "cyan", literal: "magenta" },
  light: { key: "blue", string: "green", number: "red", literal: "magenta" },
};

const TONES: Record<ThemeName, Record<Tone, Colour>> = {
  terminal: { ok: "green", warn: "yellow", bad: "red", muted: "gray", progress: "cyan" },
  light: { ok: "green", warn: "magenta", bad: "red", muted: "gray", progress: "blue" },
};

export const theme: Theme = { ...TERMINAL };
export const TONE_COLOR: Record<Tone, Colour> = { ...TONES.terminal };
/** Empty without colours. */
export const SOURCE_COLORS: string[] = [...SOURCES.terminal];
export const JSON_COLOR: Record<JsonToken, Colour> = { ...JSON_TOKENS.terminal };

/** Picks the palette; NO_COLOR (set and not empty) wins over the config file. */
export function applyTheme(name: ThemeName = "terminal", env: NodeJS.ProcessEnv = process.env): void {
  const colourless = Boolean(env.NO_COLOR);
  paint(theme, name === "light" ? LIGHT : TERMINAL, colourless);
  paint(TONE_COLOR, TONES[name], colourless);
  paint(JSON_COLOR, JSON_TOKENS[name], colourless);
  SOURCE_COLORS.splice(0, SOURCE_COLORS.length, ...(colourless ? [] : SOURCES[name]));
}

/** Sets every colour of `target` from `palette`, or to none. */
function paint<K extends string>(
  target: Record<K, Colour>,
  palette: Record<K, Colour>,
  colourless: boolean,
): void {
  for (const key of Object.keys(palette) as K[]) target[key] = colourless ? undefined : palette[key];
}
