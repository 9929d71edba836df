// Port forwards run session-manager-plugin in the background, one process per forward. The plugin
// binds the local port and says so on stdout; this manager turns its output and exit into a state
// the UI can show, ends the SSM session when a forward stops, and cleans up when deckhand exits.
import { spawn, type ChildProcess } from "node:child_process";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { spawnError } from "./interactive-session.js";
import type { PluginInvocation } from "./plugin-invocation.js";
import { hasExited, stopChild } from "./stop-child.js";
import type { PortForward } from "../../kinds/port-forward-record.js";

export { parsePort, suggestLocalPort, validatePort, type PortCheck } from "./local-port.js";

export type { PortForward, PortForwardState } from "../../kinds/port-forward-record.js";

export interface PortForwardRequest {
  invocation: PluginInvocation;
  sessionId: string;
  taskArn: string;
  containerName: string;
  remotePort: number;
  localPort: number;
  remoteHost?: string;
}

export interface PortForwardsOptions {
  /** Ends the SSM session (SsmGateway.terminateSession); failures are ignored, it is best effort. */
  terminate: (sessionId: string) => Promise<unknown>;
  /** How long the plugin may take to start listening. */
  openTimeoutMs?: number;
  killAfterMs?: number;
}

interface Entry {
  forward: PortForward;
  child?: ChildProcess;
  output: string;
  stopping: boolean;
  terminated: boolean;
  settle: (forward: PortForward) => void;
  openTimer?: NodeJS.Timeout;
}

const READY = "Waiting for connections...";
const OPENED = /Port (\d+) opened for sessionId/;
const OUTPUT_KEPT = 4096;
const ROUTINE = [
  /^Starting session with SessionId/,
  OPENED,
  /^Waiting for connections/,
  /^Connection accepted for session/,
  /^Exiting session with sessionId/,
];
const DEFAULT_OPEN_TIMEOUT_MS = 30_000;

export class PortForwards {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly PortForward[] = [];
  private nextId = 1;

  constructor(private readonly options: PortForwardsOptions) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every forward, oldest first; the same array until something changes. */
  list(): readonly PortForward[] {
    return this.snapshot;
  }

  /** Spawns the plugin; resolves once the forward is open or has failed. */
  start(request: PortForwardRequest): Promise<PortForward> {
    const id = `pf-${this.nextId++}`;
    const forward: PortForward = {
      id,
      taskArn: request.taskArn,
      containerName: request.containerName,
      remotePort: request.remotePort,
      localPort: request.localPort,
      ...(request.remoteHost ? { remoteHost: request.remoteHost } : {}),
      sessionId: request.sessionId,
      state: "starting",
    };
    return new Promise((resolve) => {
      let settled = false;
      const entry: Entry = {
        forward,
        output: "",
        stopping: false,
        terminated: false,
        settle: (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(entry.openTimer);
          resolve(value);
        },
      };
      this.entries.set(id, entry);
      const timeoutMs = this.options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
      entry.openTimer = setTimeout(() => {
        if (entry.forward.state !== "starting") return;
        this.fail(
          entry,
          `session-manager-plugin did not open port ${forward.localPort} within ${timeoutMs / 1000} s`,
        );
        if (entry.child) stopChild(entry.child, this.options.killAfterMs);
      }, timeoutMs);
      entry.openTimer.unref();

      const { invocation } = request;
      let child: ChildProcess;
      try {
        child = spawn(invocation.command, invocation.args, {
          env: invocation.env,
          stdio: ["ignore", "pipe", "pipe"],
          // Its own process group: Ctrl-C typed into an exec shell goes to the terminal's foreground
          // group, and the real plugin ends a port session on SIGINT. Cleanup is stopAllNow's job.
          detached: process.platform !== "win32",
          windowsHide: true,
        });
      } catch (error) {
        this.fail(entry, spawnError(invocation.command, error as NodeJS.ErrnoException));
        return;
      }
      entry.child = child;
      this.update(entry, child.pid === undefined ? {} : { pid: child.pid });
      const onOutput = (chunk: Buffer) => this.onOutput(entry, chunk.toString("utf8"));
      child.stdout?.on("data", onOutput);
      child.stderr?.on("data", onOutput);
      child.once("error", (error: NodeJS.ErrnoException) => {
        this.fail(entry, spawnError(invocation.command, error));
      });
      child.once("exit", (code, signal) => this.onExit(entry, code, signal));
    });
  }

  /** Stops a live forward (kills the plugin, ends the session) and drops it from the list; a finished one is just dropped. */
  async stop(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (this.isLive(entry)) {
      entry.stopping = true;
      if (entry.child) stopChild(entry.child, this.options.killAfterMs);
      this.update(entry, { state: "stopped" });
      entry.settle(entry.forward);
      await this.terminate(entry);
    }
    this.entries.delete(id);
    this.publish();
  }

  /** Synchronous, for process 'exit' and signal handlers: SIGTERM to every plugin still running. */
  stopAllNow(): void {
    for (const entry of this.entries.values()) {
      if (!this.isLive(entry)) continue;
      entry.stopping = true;
      if (entry.child && !hasExited(entry.child)) entry.child.kill("SIGTERM");
      this.update(entry, { state: "stopped" });
      entry.settle(entry.forward);
    }
  }

  /** Stops every plugin and ends every session not ended yet, giving up after `timeoutMs`. */
  async terminateAll(timeoutMs: number): Promise<void> {
    this.stopAllNow();
    const pending = [...this.entries.values()].map((entry) => this.terminate(entry));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(pending), deadline]);
    clearTimeout(timer);
  }

  private isLive(entry: Entry): boolean {
    return entry.forward.state === "starting" || entry.forward.state === "open";
  }

  private onOutput(entry: Entry, text: string): void {
    entry.output = (entry.output + text).slice(-OUTPUT_KEPT);
    if (entry.forward.state !== "starting") return;
    const opened = OPENED.exec(entry.output);
    if (opened && Number(opened[1]) !== entry.forward.localPort) {
      this.update(entry, { localPort: Number(opened[1]) });
    }
    if (entry.output.includes(READY)) {
      this.update(entry, { state: "open" });
      entry.settle(entry.forward);
    }
  }

  private onExit(entry: Entry, code: number | null, signal: NodeJS.Signals | null): void {
    if (entry.stopping || entry.forward.state === "failed") return;
    const said = lastWords(entry.output);
    if (entry.forward.state === "open" && code === 0) {
      this.update(entry, { state: "stopped", message: `session ended${said ? `: ${said}` : ""}` });
      void this.terminate(entry);
      return;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    this.fail(entry, `session-manager-plugin ${how}${said ? `: ${said}` : ""}`);
  }

  private fail(entry: Entry, message: string): void {
    if (!this.isLive(entry)) return;
    this.update(entry, { state: "failed", message });
    entry.settle(entry.forward);
    void this.terminate(entry);
  }

  private async terminate(entry: Entry): Promise<void> {
    if (entry.terminated) return;
    entry.terminated = true;
    try {
      await this.options.terminate(entry.forward.sessionId);
    } catch {
      // Best effort: an SSM session nobody uses times out on its own after the idle timeout.
    }
  }

  private update(entry: Entry, changes: Partial<PortForward>): void {
    entry.forward = { ...entry.forward, ...changes };
    this.publish();
  }

  private publish(): void {
    this.snapshot = [...this.entries.values()].map((entry) => entry.forward);
    for (const listener of this.listeners) listener();
  }
}

/** What the plugin said beyond its usual progress lines, on one line, with no escape sequences. */
function lastWords(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => sanitizeCell(line).trim())
    .filter((line) => line !== "" && !ROUTINE.some((routine) => routine.test(line)));
  return lines.slice(-2).join(" ").slice(0, 300);
}
