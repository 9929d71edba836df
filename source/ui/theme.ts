import type { Tone } from "../resources/types.js";

// Named ANSI colours so the terminal's own palette decides the exact shades.
export const TONE_COLOR: Record<Tone, string> = {
  ok: "green",
  warn: "yellow",
  bad: "red",
  muted: "gray",
  progress: "cyan",
};

/** A description's JSON tokens: each kind of value its own colour, keys apart from them all. */
export const JSON_COLOR = {
  key: "blueBright",
  string: "green",
  number: "cyan",
  literal: "magenta",
};

export const theme = {
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
};
