// Tests check the plugin contract (argv, environment, how it ended) from a file the simulated
// plugin appends to, one JSON line per event, when DECKHAND_PLUGIN_RECORD names it.
import { appendFileSync } from "node:fs";

export interface Recorder {
  start(argv: string[], env: NodeJS.ProcessEnv): void;
  end(exit: number, signal?: string): void;
}

export function recorder(file: string | undefined): Recorder {
  const append = (entry: object) => {
    if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
  };
  return {
    start(argv, env) {
      const shown = Object.fromEntries(
        Object.entries(env).filter(([key]) => key.startsWith("AWS_") || key.startsWith("DECKHAND_")),
      );
      append({ argv, env: shown, pid: process.pid, startedAt: new Date().toISOString() });
    },
    end(exit, signal) {
      append({ pid: process.pid, exit, ...(signal ? { signal } : {}) });
    },
  };
}
