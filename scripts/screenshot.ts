// `npm run media`: drives the real `deckhand --demo` in a pseudo-terminal and saves what the screen
// shows as media/demo.svg for the README.
import { writeFileSync } from "node:fs";
import { openPtyTerminal } from "../test/helpers/pty-terminal.js";
import { terminalToSvg } from "./terminal-svg.js";

const { term, child, screen } = openPtyTerminal(process.execPath, ["bin/deckhand.js", "--demo"], {
  cols: 130,
  rows: 34,
  cwd: process.cwd(),
  env: {},
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!pattern.test(screen())) {
    if (Date.now() > deadline) throw new Error(`never saw ${pattern}; screen:\n${screen()}`);
    await sleep(50);
  }
}

async function press(keys: string): Promise<void> {
  for (const key of keys) {
    child.write(key);
    await sleep(30);
  }
}

try {
  await waitFor(/clusters\[\d+\]/);
  await waitFor(/\bprod\b/);
  await press("/prod\r\r");
  await waitFor(/services\(prod\)\[\d+\]/);
  await waitFor(/ACTIVE/);
  await sleep(1500); // let the first refresh land so no row is still a placeholder
  // Put the cursor on checkout, mid-deployment.
  const lines = screen().split("\n");
  const firstRow = lines.findIndex((line) => line.startsWith("│NAME")) + 1;
  const checkout = lines.findIndex((line) => line.startsWith("│checkout "));
  if (firstRow === 0 || checkout < firstRow) throw new Error(`checkout is not on screen:\n${screen()}`);
  await press("j".repeat(checkout - firstRow));
  await sleep(300);
  writeFileSync("media/demo.svg", terminalToSvg(term));
  console.log("wrote media/demo.svg");
} finally {
  child.kill();
}
process.exit(0);
