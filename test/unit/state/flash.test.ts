import { describe, expect, it } from "vitest";
import { ACTION_FLASH_MS, flashOf, INFO_FLASH_MS, unexpired } from "../../../source/state/flash.js";

describe("flash", () => {
  it("news fades after a few seconds, warnings and errors stay longer", () => {
    const news = flashOf("refreshing…", "info", 0);
    expect(unexpired(news, INFO_FLASH_MS)).toBe(news);
    expect(unexpired(news, INFO_FLASH_MS + 1)).toBeUndefined();
    const error = flashOf("UpdateService failed", "error", 0);
    expect(unexpired(error, INFO_FLASH_MS + 1)).toBe(error);
    expect(unexpired(error, ACTION_FLASH_MS + 1)).toBeUndefined();
  });

  it("a failed refresh stays until a refresh works", () => {
    const failed = flashOf("ThrottlingException", "error", 0, true);
    expect(failed.fromRefresh).toBe(true);
    expect(unexpired(failed, 60 * 60_000)).toBe(failed);
    expect(flashOf("x", "error", 0)).not.toHaveProperty("fromRefresh");
  });
});
