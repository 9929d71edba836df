// Everything from the network is untrusted: names, images and reasons must not move the cursor,
// change colours or set the clipboard. Escape sequences (CSI, OSC, DCS…) are removed whole and
// any other control character becomes a visible placeholder.

/* eslint-disable no-control-regex -- matching control characters is the point here */
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_]?)|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

export function sanitizeCell(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(/\t/g, " ").replace(CONTROL, "\ufffd");
}
