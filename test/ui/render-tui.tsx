// In-process harness: renders the real App with Ink into a fake terminal of a chosen size and
// lets tests type keys. (ink-testing-library has no rows and a fixed width, which a full-screen
// layout needs.)
import { EventEmitter } from "node:events";
import { render } from "ink";
import type { ReactElement } from "react";

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => this.queue.shift() ?? null;
  write(data: string) {
    this.queue.push(data);
    this.emit("readable");
  }
}

export interface Rendered {
  /** The last frame without colours. */
  text(): string;
  /** The last frame with colours. */
  raw(): string;
  press(keys: string): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  waitFor(predicate: (text: string) => boolean, timeoutMs?: number): Promise<void>;
  unmount(): void;
}

const settle = () => new Promise((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export function renderTui(tree: ReactElement, size = { columns: 120, rows: 30 }): Rendered {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const raw = () => stdout.frames.at(-1) ?? "";
  const text = () => raw().replace(ANSI, "");
  return {
    text,
    raw,
    async press(keys) {
      stdin.write(keys);
      await settle();
      await settle();
    },
    async resize(columns, rows) {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit("resize");
      await settle();
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(text())) {
        if (Date.now() > deadline) throw new Error(`timed out; last frame:\n${text()}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    unmount: () => instance.unmount(),
  };
}
