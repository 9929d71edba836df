// Where keys send what leaves deckhand: the clipboard (OSC 52, so it works over SSH), log lines
// saved to a file, a description's JSON lines, the browser for the AWS console.
import { openInBrowser } from "../core/browser.js";
import type { KeyOutputs } from "../input/dispatch.js";
import { osc52, saveLines } from "../features/logs/log-outputs.js";
import { describeLines } from "./describe/json-lines.js";

const copy = (text: string) => void process.stdout.write(osc52(text));

export const KEY_OUTPUTS: KeyOutputs = {
  logs: { save: saveLines, copy },
  describe: { lines: describeLines, copy },
  rows: { copy, browse: (url) => openInBrowser(url) },
};
