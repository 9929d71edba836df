// What `s` (shell), `x` (run a command) and `F` (port forward) do: find the container, look before
// sending anything (a fresh DescribeTasks, the service, the task definition, the plugin: the checks
// of amazon-ecs-exec-checker), explain why exec cannot work when it cannot, and otherwise open the
// session: ExecuteCommand and the terminal handed to session-manager-plugin, or SSM StartSession
// and the plugin in the background. Nothing here changes an AWS resource, so read-only mode does
// not refuse it; every attempt is in the action log all the same.
import { resourceName, shortTaskId } from "../../core/arn.js";
import { describeFailure, type AwsFailure } from "../../aws/failure.js";
import { runInteractive, watchTask, type InteractiveOutcome } from "./interactive-session.js";
import {
  execTarget,
  pluginInvocation,
  portForwardTarget,
  type PluginCredentials,
  type PluginInvocation,
  type PluginSession,
  type SessionTarget,
} from "./plugin-invocation.js";
import { suggestLocalPort, validatePort, type PortForward } from "./port-forwards.js";
import type { ContainerRow } from "../../kinds/container.js";
import type { TaskRow } from "../../kinds/task.js";
import type { KindId, Scope } from "../../kinds/types.js";
import { lookBeforeExec, runtimeIdOf, type Checked, type Target } from "./exec-check.js";
import { StepFlow, type FlowHost } from "../dialogs/step-dialog.js";
import { containerPorts, endedText, forwardProblem } from "./exec-forms.js";
import type { SessionAction } from "../actions/action-log.js";
import { logExec } from "./exec-log.js";
import type { ExecServices, HandedTerminal } from "./exec-services.js";

export type ExecMode = "shell" | "command" | "portForward";

const DEFAULT_WATCH_MS = 5_000;

const VERBS: Record<ExecMode, { log: SessionAction; what: string; title: string }> = {
  shell: { log: "exec", what: "open a shell", title: "Shell in" },
  command: { log: "run-command", what: "run a command", title: "Run a command in" },
  portForward: { log: "port-forward", what: "forward a port", title: "Port forward to" },
};

export class ExecFlow extends StepFlow {
  /** Forwards the user is stopping: their end is no news. */
  private readonly stopping = new Set<string>();

  constructor(
    private readonly services: ExecServices,
    host: FlowHost,
  ) {
    super(host);
  }

  /** A key on a row of the containers or tasks view; returns what to say instead when it cannot start. */
  start(mode: ExecMode, kind: KindId, row: unknown, scope: Scope): string | undefined {
    const clusterArn = scope.clusterArn ?? "";
    if (kind === "containers" && row !== undefined) {
      const { name, task } = row as ContainerRow;
      return void this.go(mode, {
        clusterArn,
        taskArn: task.taskArn ?? scope.taskArn ?? "",
        containerName: name,
      });
    }
    if (kind !== "tasks" || row === undefined) return undefined;
    const { arn, task } = row as TaskRow;
    const names = (task.containers ?? []).map((container) => container.name ?? "");
    if (names.length === 0) return `task ${shortTaskId(arn)} has no containers yet: try again in a moment`;
    if (names.length === 1) return void this.go(mode, { clusterArn, taskArn: arn, containerName: names[0]! });
    this.dialog.openPick({
      title: `Which container of ${shortTaskId(arn)}? (${VERBS[mode].what})`,
      items: (task.containers ?? []).map((container) => ({
        label: container.name ?? "",
        note: container.lastStatus,
      })),
      notes: [],
      submit: "enter picks it",
      choose: (index) => void this.go(mode, { clusterArn, taskArn: arn, containerName: names[index]! }),
    });
    return undefined;
  }

  /**
   * Tells the user when an open forward ends by itself (the plugin exited, the task went away):
   * the PF column alone would just lose it. Returns the unsubscribe function.
   */
  watchForwards(): () => void {
    const open = new Set<string>();
    return this.services.forwards.subscribe(() => {
      for (const forward of this.services.forwards.list()) {
        if (forward.state === "open") open.add(forward.id);
        else if (open.delete(forward.id) && !this.stopping.has(forward.id)) {
          const where = `localhost:${forward.localPort} → ${forward.remoteHost ?? forward.containerName}:${forward.remotePort}`;
          this.host.flash(`port forward ${where} ended: ${forward.message ?? forward.state}`, "warn");
        }
      }
    });
  }

  /** ctrl-k in the port forwards view: ends the forward (the plugin, then TerminateSession). */
  async stopForward(forward: PortForward): Promise<void> {
    const where = `localhost:${forward.localPort} → ${forward.remoteHost ?? forward.containerName}:${forward.remotePort}`;
    this.stopping.add(forward.id);
    await this.services.forwards.stop(forward.id);
    this.stopping.delete(forward.id);
    this.host.flash(`stopped port forward ${where}`, "info");
  }

  private async go(mode: ExecMode, target: Target): Promise<void> {
    const title = `${VERBS[mode].title} ${target.containerName} (${shortTaskId(target.taskArn)})`;
    const checked = await this.check(mode, title, target);
    if (checked) await this.proceed(mode, title, target, checked);
  }

  private proceed(mode: ExecMode, title: string, target: Target, checked: Checked): Promise<void> {
    switch (mode) {
      case "shell":
        return this.exec("shell", title, target, checked, checked.diagnosis.shell);
      case "command":
        return Promise.resolve(this.command(title, target, checked));
      case "portForward":
        return this.portForward(title, target, checked);
    }
  }

  // ---- looking before sending ----

  /**
   * Looks before sending (lookBeforeExec). Shows why exec cannot work and returns undefined then,
   * or when the user gave up waiting; `t` in that notice goes ahead all the same.
   */
  private async check(mode: ExecMode, title: string, target: Target): Promise<Checked | undefined> {
    const { taskArn, containerName } = target;
    const still = this.dialog.wait(title, `checking ${containerName} in task ${shortTaskId(taskArn)}…`);
    const looked = await lookBeforeExec(this.services, target);
    if (!still()) return undefined;
    if (!looked.ok) return void this.failed(title, looked.failure);
    const { checked, problems, diagnosis } = looked.value;
    if (checked && problems.length === 0) return checked;
    // The checks read what ECS reports; an endpoint that reports less (no managed agents) may be
    // wrong about it, so going ahead is the user's call. Without the plugin there is nothing to run.
    const override = checked && {
      key: "t",
      label: "t tries anyway (AWS answers if it cannot)",
      run: () => void this.proceed(mode, title, target, checked),
    };
    this.dialog.notice(
      `Cannot ${VERBS[mode].what} in ${containerName}`,
      problems,
      ["Nothing was sent.", ...diagnosis.notes],
      override,
    );
    void this.record({
      action: VERBS[mode].log,
      title,
      call: null,
      parameters: null,
      resourceArn: taskArn,
      result: "refused",
      reason: problems.map((problem) => problem.text).join("; "),
    });
    return undefined;
  }

  // ---- exec ----

  private command(title: string, target: Target, checked: Checked): void {
    this.dialog.openPrompt({
      title,
      fields: [{ label: "command", value: "" }],
      notes: ["runs once in the container through ECS Exec; its output is shown, then deckhand comes back"],
      submit: "enter runs it",
      check: ([command = ""]) =>
        command.trim() === ""
          ? { ok: false, message: "type a command, e.g. ls -l /app" }
          : { ok: true, preview: `ExecuteCommand in ${target.containerName}: ${command.trim()}` },
      accept: ([command = ""]) => void this.exec("command", title, target, checked, command.trim()),
    });
  }

  private async exec(mode: ExecMode, title: string, target: Target, checked: Checked, command: string) {
    const { clusterArn, taskArn, containerName } = target;
    const terminal = this.services.terminal;
    if (!terminal) return this.dialog.notice(title, [{ text: "no terminal to hand over in this session" }]);
    const parameters = {
      cluster: resourceName(clusterArn),
      task: taskArn,
      container: containerName,
      command,
    };
    const still = this.dialog.wait(title, `ExecuteCommand: ${command}…`);
    const opened = await this.services.ecs.executeCommand(parameters);
    const logged = this.record({
      action: VERBS[mode].log,
      title,
      call: "ExecuteCommand",
      parameters: { ...parameters, interactive: true },
      resourceArn: taskArn,
      result: opened.ok ? "ok" : "error",
      ...(opened.ok ? {} : { error: opened.failure }),
    });
    if (!opened.ok) return this.failed(title, opened.failure, still);
    const { sessionId } = opened.value.session;
    const terminate = () => this.services.ssm.terminateSession(sessionId);
    // Given up while ECS was opening it (esc): nobody will attach to this session.
    if (!still()) return void terminate();
    // Like the AWS CLI: the runtime ID from a DescribeTasks, if the look before had none.
    const runtimeId = checked.runtimeId ?? (await runtimeIdOf(this.services.ecs, target));
    if (!runtimeId)
      this.failedWith(title, `container ${containerName} reports no runtime ID: cannot attach`, still);
    const credentials = runtimeId && still() ? await this.credentials(title, still) : undefined;
    if (!runtimeId || !credentials || !still()) return void terminate();
    const invocation = this.invocation(checked.plugin, {
      session: opened.value.session,
      target: { target: execTarget(clusterArn, taskArn, runtimeId) },
      credentials,
    });
    this.dialog.close();
    const what = mode === "shell" ? `shell in ${containerName}` : `"${command}" in ${containerName}`;
    let ended: Awaited<ReturnType<ExecFlow["attach"]>>;
    try {
      ended = await terminal.run((handed) => this.attach(mode, target, invocation, handed), terminate);
    } catch (error) {
      // The terminal is back either way; the session's end is unknown, so say what went wrong.
      void terminate();
      const reason = error instanceof Error ? error.message : String(error);
      return this.host.flash(`${what}: the session broke off: ${reason}`, "error");
    }
    // The plugin did not start, or deckhand ended it (the task stopped): the session may still be open.
    if (ended.outcome.ended !== undefined) void terminate();
    const logError = await logged;
    const [text, level] = endedText(what, ended.outcome, ended.stopped);
    this.host.flash(logError ? `${text}; ${logError}` : text, logError ? "warn" : level);
  }

  /** With the terminal handed over: the plugin in the foreground, the task watched meanwhile. */
  private async attach(
    mode: ExecMode,
    target: Target,
    invocation: PluginInvocation,
    handed: HandedTerminal,
  ): Promise<{ outcome: InteractiveOutcome; stopped?: string }> {
    const watching = new AbortController();
    const session = new AbortController();
    let stopped: string | undefined;
    const watched = watchTask(
      async () => {
        const described = await this.services.ecs.describeTasks(target.clusterArn, [target.taskArn]);
        if (!described.ok) throw new Error(describeFailure(described.failure));
        return described.value[0]?.lastStatus ?? "STOPPED";
      },
      this.services.watchEveryMs ?? DEFAULT_WATCH_MS,
      watching.signal,
    ).then((status) => {
      if (status === undefined) return;
      stopped = status;
      handed.write(
        `\r\n\r\ndeckhand: task ${shortTaskId(target.taskArn)} is ${status}: ending the session\r\n`,
      );
      session.abort();
    });
    const outcome = await runInteractive(invocation, { signal: session.signal });
    watching.abort();
    await watched;
    if (outcome.ended === "failed") handed.write(`\r\ndeckhand: ${outcome.error}\r\n`);
    if (mode === "command" || outcome.ended === "failed") {
      handed.write("\r\npress enter to return to deckhand");
      await handed.waitForEnter();
    }
    return { outcome, ...(stopped ? { stopped } : {}) };
  }

  // ---- port forwarding ----

  private async portForward(title: string, target: Target, checked: Checked): Promise<void> {
    const { containerName } = target;
    const ports = containerPorts(checked, containerName);
    const still = this.dialog.wait(title, "looking for a free local port…");
    const local = await suggestLocalPort(ports[0]);
    if (!still()) return;
    this.dialog.openPrompt({
      title,
      fields: [
        { label: "remote port", value: ports[0] === undefined ? "" : String(ports[0]) },
        { label: "local port", value: String(local) },
        { label: "remote host", value: "" },
      ],
      notes: [
        ports.length > 0
          ? `ports of ${containerName}: ${ports.join(", ")}`
          : `${containerName} maps no ports: type the one it listens on`,
        "remote host (optional): a host reached through the task, e.g. a database; empty: the container itself",
      ],
      submit: "enter starts the forward",
      check: ([remote = "", localPort = "", remoteHost = ""]) => {
        const problem = forwardProblem(remote, localPort, remoteHost);
        if (problem) return { ok: false, message: problem };
        return {
          ok: true,
          preview: `forward localhost:${localPort.trim()} → ${remoteHost.trim() || containerName}:${remote.trim()}`,
        };
      },
      checkLater: async ([, localPort = ""]) => {
        const free = await validatePort(localPort);
        return free.ok ? undefined : `local port: ${free.message}`;
      },
      accept: async ([remote = "", localPort = "", remoteHost = ""]) => {
        const free = await validatePort(localPort);
        if (!free.ok) return `local port: ${free.message}`;
        void this.forward(title, target, checked, Number(remote.trim()), free.port, remoteHost.trim());
        return undefined;
      },
    });
  }

  private async forward(
    title: string,
    target: Target,
    checked: Checked,
    remotePort: number,
    localPort: number,
    remoteHost: string,
  ): Promise<void> {
    const { clusterArn, taskArn, containerName } = target;
    const where = `localhost:${localPort} → ${remoteHost || containerName}:${remotePort}`;
    // This goes on in the background: once the user has opened something else, only flash.
    const untouched = this.dialog.close();
    if (!checked.runtimeId) {
      return this.failedWith(
        title,
        `container ${containerName} reports no runtime ID: no SSM target to forward to`,
        untouched,
      );
    }
    this.host.flash(`starting port forward ${where}…`, "info");
    const request = portForwardTarget({
      target: execTarget(clusterArn, taskArn, checked.runtimeId),
      remotePort,
      localPort,
      ...(remoteHost ? { remoteHost } : {}),
    });
    const started = await this.services.ssm.startSession(request);
    const logged = this.record({
      action: "port-forward",
      title: `${title}: ${where}`,
      call: "StartSession",
      parameters: { ...request },
      resourceArn: taskArn,
      result: started.ok ? "ok" : "error",
      ...(started.ok ? {} : { error: started.failure }),
    });
    if (!started.ok) return this.failed(`port forward ${where}`, started.failure, untouched);
    const { sessionId } = started.value;
    const credentials = await this.credentials(`port forward ${where}`, untouched);
    if (!credentials) {
      void this.services.ssm.terminateSession(sessionId);
      return;
    }
    const invocation = this.invocation(checked.plugin, {
      session: started.value,
      target: request,
      credentials,
    });
    const forward = await this.services.forwards.start({
      invocation,
      sessionId,
      taskArn,
      containerName,
      remotePort,
      localPort,
      ...(remoteHost ? { remoteHost } : {}),
    });
    const logError = await logged;
    if (forward.state === "open") {
      const text = `forwarding localhost:${forward.localPort} → ${remoteHost || containerName}:${remotePort} (P lists forwards)`;
      this.host.flash(logError ? `${text}; ${logError}` : text, logError ? "warn" : "info");
    } else {
      this.host.flash(`port forward ${where} failed: ${forward.message ?? forward.state}`, "error");
    }
  }

  // ---- shared ----

  private invocation(
    plugin: Checked["plugin"],
    input: { session: PluginSession; target: SessionTarget; credentials: PluginCredentials },
  ): PluginInvocation {
    const invocation = pluginInvocation({
      pluginPath: plugin.command,
      region: this.services.region,
      endpoint: this.services.ssmEndpoint,
      parentEnv: this.services.env,
      ...input,
    });
    // The simulated plugin is a script: node runs it, and its own argv starts after the script.
    return { ...invocation, args: [...plugin.leadingArgs, ...invocation.args] };
  }

  private async credentials(title: string, onScreen: () => boolean): Promise<PluginCredentials | undefined> {
    try {
      return await this.services.credentials();
    } catch (error) {
      if (onScreen()) this.dialog.close();
      this.host.flash(
        `${title}: no AWS credentials for session-manager-plugin: ${error instanceof Error ? error.message : String(error)}`,
        "error",
      );
      return undefined;
    }
  }

  /**
   * An AWS error: the whole message and its hint in a notice (a flash line would cut them), and a
   * short flash that stays after the notice is closed. The session did not open; deckhand goes on.
   * When the user has moved on (`onScreen` false), the flash alone.
   */
  private failed(title: string, failure: AwsFailure, onScreen: () => boolean = () => true): void {
    const what = failure.message === failure.code ? failure.code : `${failure.code}: ${failure.message}`;
    if (onScreen()) {
      this.dialog.notice(`${title}: ${failure.operation} failed`, [
        { text: `${failure.operation}: ${what}`, ...(failure.hint ? { hint: failure.hint } : {}) },
      ]);
    }
    this.host.flash(`${title}: ${failure.operation} failed (${failure.code})`, "error");
  }

  private failedWith(title: string, message: string, onScreen: () => boolean): void {
    if (onScreen()) this.dialog.close();
    this.host.flash(`${title}: ${message}`, "error");
  }

  private record(attempt: Parameters<typeof logExec>[2]): Promise<string | undefined> {
    return logExec(this.services.log, this.services.scope, attempt);
  }
}
