// The flash line under the table: news fades after a few seconds, warnings and errors about
// actions stay longer, and a failed refresh stays until a refresh works.
import type { FlashLevel } from "../features/dialogs/action-dialog.js";

export interface Flash {
  text: string;
  level: FlashLevel;
  at: number;
  /** A failed refresh: cleared by the next refresh that works. */
  fromRefresh?: boolean;
}

export const INFO_FLASH_MS = 4_000;
/** Warnings and errors about actions stay longer: they say what to do next. */
export const ACTION_FLASH_MS = 30_000;

export function flashOf(text: string, level: FlashLevel, at: number, fromRefresh = false): Flash {
  return { text, level, at, ...(fromRefresh ? { fromRefresh } : {}) };
}

/** The flash still on screen at `now`, if any. */
export function unexpired(flash: Flash | undefined, now: number): Flash | undefined {
  if (!flash) return undefined;
  const lasts = flash.level === "info" ? INFO_FLASH_MS : flash.fromRefresh ? Infinity : ACTION_FLASH_MS;
  return now - flash.at > lasts ? undefined : flash;
}
