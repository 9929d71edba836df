import type { Tone } from "../resources/types.js";

// Named ANSI colours so the terminal's own palette decides the exact shades.
export const TONE_COLOR: Record<Tone, string> = {
  ok: "green",
  warn: "yellow",
  bad: "red",
  muted: "gray",
  progress: "cyan",
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
