// Budget: `deckhand --demo` shows its first full frame (the cluster table with rows) within 2.5× the
// time a bare `node -e "console.log('x')"` takes to print, both measured in a pty, interleaved.
import { timeToScreen } from "./pty-timer.js";
import { median, ms, percentile } from "./stats.js";

export async function coldStart(runs: number): Promise<{ ratio: number; lines: string[]; missed: string[] }> {
  const node: number[] = [];
  const deckhand: number[] = [];
  const firstFrame = (screen: string) => /clusters\[\d+\]/.test(screen) && /\bprod\b.*ACTIVE/.test(screen);
  for (let i = 0; i < runs + 1; i++) {
    const bare = await timeToScreen(process.execPath, ["-e", "console.log('x')"], (s) => s.startsWith("x"));
    const app = await timeToScreen(process.execPath, ["bin/deckhand.js", "--demo"], firstFrame, {
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    if (i === 0) continue; // warm the file cache
    node.push(bare.ms);
    deckhand.push(app.ms);
  }
  const ratio = median(deckhand) / median(node);
  return {
    ratio,
    missed: ratio <= 2.5 ? [] : ["cold start within 2.5x a bare node"],
    lines: [
      `cold start (${runs} runs each, interleaved, in a pty)`,
      `  node -e console.log   median ${ms(median(node))}  p90 ${ms(percentile(node, 90))}`,
      `  deckhand --demo       median ${ms(median(deckhand))}  p90 ${ms(percentile(deckhand, 90))}  (first frame with the cluster rows)`,
      `  ratio                 ${ratio.toFixed(2)}x   (budget <= 2.5x, aim 2.0x)`,
    ],
  };
}
