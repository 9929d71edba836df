// Task counts typed by the user: whole numbers from 0 up to what the API accepts (a 32-bit
// Integer), with a message that says what is wrong in the user's own terms.

export const MAX_COUNT = 2_147_483_647;

export type CountInput = { ok: true; value: number } | { ok: false; message: string };

/** `what` names the number in messages, e.g. "desired count" or "max". */
export function parseCount(input: string, what: string): CountInput {
  const text = input.trim();
  if (text === "") return { ok: false, message: `enter a ${what}: a whole number, 0 or more` };
  if (/^-\d+(\.\d+)?$/.test(text)) {
    return { ok: false, message: `${what} cannot be negative (${text}): enter 0 or more` };
  }
  if (/^\d*\.\d+$|^\d+\.\d*$/.test(text)) {
    return { ok: false, message: `${what} must be a whole number of tasks, not ${text}` };
  }
  if (!/^\d+$/.test(text)) return { ok: false, message: `${what} must be a number, not "${text}"` };
  const value = Number(text);
  if (value > MAX_COUNT) {
    return { ok: false, message: `${what} ${text} is too large: ECS accepts at most ${MAX_COUNT}` };
  }
  return { ok: true, value };
}
