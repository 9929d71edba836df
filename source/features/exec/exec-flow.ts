// What `s` (shell), `x` (run a command) and `F` (port forward) do: find the container, look before
// sending anything (a fresh DescribeTasks, the service, the task definition, the plugin: the checks
// of amazon-ecs-exec-checker), explain why exec cannot work when it cannot, and otherwise open the
// session: ExecuteCommand and the terminal handed to session-manager-plugin, or a port forward in
// the background (port-forward-flow.ts). Nothing here changes an AWS resource, so read-only mode
// does not refuse it; every attempt is in the action log all the same.
import { resourceName, shortTaskId } from "../../core/arn.js";
import { describeFailure } from "../../aws/failure.js";
import { runInteractive, watchTask, type InteractiveOutcome } from "./interactive-session.js";
import { execTarget, type PluginInvocation } from "./plugin-invocation.js";
import { PortForwardFlow } from "./port-forward-flow.js";
import { KINDS } from "../../kinds/registry.js";
import type { KindId, Scope } from "../../kinds/types.js";
import { lookBeforeExec, runtimeIdOf, type Checked, type Target } from "./exec-check.js";
import { endedText } from "./exec-forms.js";
import type { SessionAction } from "../actions/action-log.js";
import type { HandedTerminal } from "./exec-services.js";

export type ExecMode = "shell" | "command" | "portForward";

const DEFAULT_WATCH_MS = 5_000;

const VERBS: Record<ExecMode, { log: SessionAction; what: string; title: string }> = {
  shell: { log: "exec", what: "open a shell", title: "Shell in" },
  command: { log: "run-command", what: "run a command", title: "Run a command in" },
  portForward: { log: "port-forward", what: "forward a port", title: "Port forward to" },
};

export class ExecFlow extends PortForwardFlow {
  /**
   * A key on a row of a kind that execs (a container, a task: its `exec`); returns what to say
   * instead when it cannot start.
   */
  start(mode: ExecMode, kind: KindId, row: unknown, scope: Scope): string | undefined {
    const target = row === undefined ? undefined : KINDS[kind].exec?.(row, scope);
    if (!target) return undefined;
    const { taskArn, containers } = target;
    const into = (containerName: string) =>
      void this.go(mode, { clusterArn: scope.clusterArn ?? "", taskArn, containerName });
    if (containers.length === 0)
      return `task ${shortTaskId(taskArn)} has no containers yet: try again in a moment`;
    if (containers.length === 1) return into(containers[0]!.name);
    this.dialog.openPick({
      title: `Which container of ${shortTaskId(taskArn)}? (${VERBS[mode].what})`,
      items: containers.map((container) => ({ label: container.name, note: container.status })),
      notes: [],
      submit: "enter picks it",
      choose: (index) => into(containers[index]!.name),
    });
    return undefined;
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
}
