// After each full garbage collection V8 lets the heap grow to up to four times what survived before
// collecting again. A log pane taking in thousands of lines a second fills that headroom with the
// garbage of parsed responses and drawn frames: 100,000 buffered lines need about 70 MB of heap, the
// process then sat at 350 MB. Growing by 25% instead keeps it near 200 MB, for a full collection
// every few seconds that takes 5-15 ms, mostly off the main thread (`npm run bench`, log ingest).
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWING_PERCENT = 25;

export function limitHeapGrowth(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // A Node that no longer takes flags at run time keeps V8's default growth: more memory, same behaviour.
  }
}
