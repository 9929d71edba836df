// `F`, port forwarding: the prompt for the ports (the container's own first, a free local port),
// then SSM StartSession and session-manager-plugin in the background, telling the user when a
// forward ends by itself, and ctrl-k stopping one. Also the steps every session shares (the
// plugin's invocation and credentials, failures, the action log): ExecFlow (exec-flow.ts) builds
// on this with the look before sending and the sessions that take the terminal.
import type { AwsFailure } from "../../aws/failure.js";
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
import type { Checked, Target } from "./exec-check.js";
import { StepFlow, type FlowHost } from "../dialogs/step-dialog.js";
import { containerPorts, forwardProblem } from "./exec-forms.js";
import { logExec } from "./exec-log.js";
import type { ExecServices } from "./exec-services.js";

export abstract class PortForwardFlow extends StepFlow {
  /** Forwards the user is stopping: their end is no news. */
  private readonly stopping = new Set<string>();

  constructor(
    protected readonly services: ExecServices,
    host: FlowHost,
  ) {
    super(host);
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

  // ---- port forwarding ----

  protected async portForward(title: string, target: Target, checked: Checked): Promise<void> {
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

  // ---- what every session shares ----

  protected invocation(
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

  protected async credentials(
    title: string,
    onScreen: () => boolean,
  ): Promise<PluginCredentials | undefined> {
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
  protected failed(title: string, failure: AwsFailure, onScreen: () => boolean = () => true): void {
    const what = failure.message === failure.code ? failure.code : `${failure.code}: ${failure.message}`;
    if (onScreen()) {
      this.dialog.notice(`${title}: ${failure.operation} failed`, [
        { text: `${failure.operation}: ${what}`, ...(failure.hint ? { hint: failure.hint } : {}) },
      ]);
    }
    this.host.flash(`${title}: ${failure.operation} failed (${failure.code})`, "error");
  }

  protected failedWith(title: string, message: string, onScreen: () => boolean): void {
    if (onScreen()) this.dialog.close();
    this.host.flash(`${title}: ${message}`, "error");
  }

  protected record(attempt: Parameters<typeof logExec>[2]): Promise<string | undefined> {
    return logExec(this.services.log, this.services.scope, attempt);
  }
}
