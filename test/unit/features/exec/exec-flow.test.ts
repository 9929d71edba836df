// The exec flow with the terminal handed over for real (a child process stands in for the plugin):
// a task that stops under an open shell ends the session with a message; the plugin is started
// with the target, region and endpoint of the session; a plugin that cannot start is reported;
// sessions nobody will use are ended, and late answers do not take over a dialog the user left.
import type { Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { ok, type AwsFailure, type Result } from "../../../../source/aws/failure.js";
import type { ExecSession } from "../../../../source/aws/ecs-gateway.js";
import { PortForwards } from "../../../../source/features/exec/port-forwards.js";
import type { DialogView } from "../../../../source/features/dialogs/action-dialog.js";
import { ExecFlow } from "../../../../source/features/exec/exec-flow.js";
import type {
  ExecServices,
  HandedTerminal,
  PluginChoice,
} from "../../../../source/features/exec/exec-services.js";
import { memoryLog } from "../actions/fixtures.js";

const CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
const TASK = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";

function task(lastStatus: string): Task {
  return {
    taskArn: TASK,
    clusterArn: CLUSTER,
    lastStatus,
    desiredStatus: "RUNNING",
    enableExecuteCommand: true,
    containers: [
      {
        name: "app",
        lastStatus: "RUNNING",
        runtimeId: "0123456789abcdef0123456789abcdef-111",
        managedAgents: [{ name: "ExecuteCommandAgent", lastStatus: "RUNNING" }],
      },
    ],
  };
}

/** A plugin played by sh: it answers --version like session-manager-plugin, then runs `script`. */
function shPlugin(script: string, version = "1.2.707.0"): PluginChoice {
  const answer = `[ "$1" = --version ] && { echo ${version}; exit 0; }`;
  return { command: "/bin/sh", leadingArgs: ["-c", `${answer}; ${script}`, "plugin"] };
}

/** A promise settled from outside: holds a call until the test lets it go. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const DENIED: AwsFailure = {
  kind: "denied",
  operation: "StartSession",
  code: "AccessDeniedException",
  message: "not allowed",
};

interface SetupOptions {
  plugin: PluginChoice;
  statuses: string[];
  terminalFails?: boolean;
  /** Held until the test opens it. */
  executeCommand?: Promise<void>;
  credentials?: Promise<void>;
  startSession?: Promise<Result<{ sessionId: string; streamUrl: string; tokenValue: string }>>;
}

function setup(options: SetupOptions) {
  const statuses = [...options.statuses];
  const flashes: { text: string; level: string }[] = [];
  const written: string[] = [];
  const terminated: string[] = [];
  const calls = { handovers: 0, startSession: 0 };
  let dialog: DialogView | undefined;
  const handed: HandedTerminal = {
    write: (text) => void written.push(text),
    waitForEnter: async () => {},
  };
  const services: ExecServices = {
    ecs: {
      describeTasks: async () => ok([task(statuses.length > 1 ? statuses.shift()! : statuses[0]!)]),
      describeServices: async () => ok([]),
      describeTaskDefinition: async () => ok({}),
      executeCommand: async (request): Promise<Result<ExecSession>> => {
        await options.executeCommand;
        return ok({
          clusterArn: CLUSTER,
          taskArn: TASK,
          containerName: request.container,
          session: { sessionId: "sess-1", streamUrl: "wss://example", tokenValue: "SECRET-TOKEN" },
        });
      },
    },
    ssm: {
      startSession: async () => {
        calls.startSession += 1;
        if (!options.startSession) throw new Error("not used");
        return options.startSession;
      },
      terminateSession: async (sessionId) => {
        terminated.push(sessionId);
        return ok(undefined);
      },
    },
    region: "eu-west-1",
    ssmEndpoint: "https://ssm.eu-west-1.amazonaws.com",
    credentials: async () => {
      await options.credentials;
      return { accessKeyId: "AKID", secretAccessKey: "SECRET" };
    },
    plugin: () => options.plugin,
    forwards: new PortForwards({ terminate: async () => undefined }),
    log: memoryLog(),
    scope: { region: "eu-west-1" },
    terminal: {
      run: (session) => {
        calls.handovers += 1;
        return options.terminalFails ? Promise.reject(new Error("tty gone")) : session(handed);
      },
    },
    env: { PATH: process.env.PATH, AWS_PROFILE: "someone" },
    watchEveryMs: 50,
  };
  const flow = new ExecFlow(services, {
    showDialog: (view) => (dialog = view),
    flash: (text, level) => void flashes.push({ text, level }),
  });
  const row = {
    name: "app",
    container: task("RUNNING").containers![0]!,
    task: task("RUNNING"),
    ports: "",
    forwards: "",
  };
  const waitUntil = async (what: string, done: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`${what}; dialog: ${JSON.stringify(dialog)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const waitForFlash = async () => {
    await waitUntil("no flash", () => flashes.length > 0);
    return flashes[0]!;
  };
  const scope = { clusterArn: CLUSTER, taskArn: TASK };
  return {
    flow,
    row,
    scope,
    flashes,
    written,
    terminated,
    calls,
    waitUntil,
    waitForFlash,
    dialog: () => dialog,
    services,
  };
}

describe("ExecFlow with the terminal handed over", () => {
  it("ends the session when the task stops under it, and says so", async () => {
    // A plugin that would run for a minute: the watcher must end it.
    const { flow, row, written, waitForFlash } = setup({
      plugin: shPlugin("exec sleep 60"),
      statuses: ["RUNNING", "RUNNING", "STOPPED"],
    });
    const started = Date.now();
    flow.start("shell", "containers", row, { clusterArn: CLUSTER, taskArn: TASK });
    const flash = await waitForFlash();
    expect(flash).toEqual({ text: "shell in app: task stopped: session ended", level: "warn" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(written.join("")).toContain("deckhand: task 01234567 is STOPPED: ending the session");
  });

  it("starts the plugin with the session's target, region and endpoint; the token only in its environment", async () => {
    const script =
      'printf "%s\\n" "$@" > "$OUT"; printf -- "---\\n%s" "$AWS_SSM_START_SESSION_RESPONSE" >> "$OUT"; [ -z "$AWS_PROFILE" ] && exit 3';
    const out = `${process.env.TMPDIR ?? "/tmp"}/deckhand-exec-flow-${process.pid}.txt`;
    const { flow, row, waitForFlash } = setup({
      plugin: shPlugin(`OUT=${out}; ${script}`),
      statuses: ["RUNNING"],
    });
    flow.start("shell", "containers", row, { clusterArn: CLUSTER, taskArn: TASK });
    // Exit code 3 says AWS_PROFILE was gone from the plugin's environment.
    expect(await waitForFlash()).toEqual({ text: "shell in app ended with exit code 3", level: "warn" });
    const { readFileSync, rmSync } = await import("node:fs");
    const [args, session] = readFileSync(out, "utf8").split("\n---\n");
    rmSync(out);
    expect(args!.split("\n")).toEqual([
      "AWS_SSM_START_SESSION_RESPONSE",
      "eu-west-1",
      "StartSession",
      "",
      JSON.stringify({
        Target: `ecs:prod_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef-111`,
      }),
      "https://ssm.eu-west-1.amazonaws.com",
    ]);
    expect(args).not.toContain("SECRET-TOKEN");
    expect(session).toContain('"tokenValue":"SECRET-TOKEN"');
  });

  it("says so when an open port forward ends by itself, not when the user stops one", async () => {
    const { flow, services, waitForFlash, flashes } = setup({
      plugin: { command: "/bin/true", leadingArgs: [] },
      statuses: ["RUNNING"],
    });
    const stop = flow.watchForwards();
    const plugin = (script: string) => ({
      command: "/bin/sh",
      args: ["-c", script],
      env: { PATH: process.env.PATH },
    });
    const base = { sessionId: "s", taskArn: TASK, containerName: "app", remotePort: 80 };
    const kept = await services.forwards.start({
      ...base,
      invocation: plugin('echo "Waiting for connections..."; exec sleep 30'),
      localPort: 18081,
    });
    await flow.stopForward(kept);
    expect(flashes).toEqual([{ text: "stopped port forward localhost:18081 → app:80", level: "info" }]);
    flashes.length = 0;
    await services.forwards.start({
      ...base,
      invocation: plugin('echo "Waiting for connections..."; sleep 0.1; echo "connection lost" >&2; exit 1'),
      localPort: 18080,
    });
    const flash = await waitForFlash();
    expect(flash.level).toBe("warn");
    expect(flash.text).toMatch(/^port forward localhost:18080 → app:80 ended: .*connection lost$/);

    stop();
  });

  it("a handover that breaks off is reported, not thrown, and its session ended", async () => {
    const { flow, row, waitForFlash, terminated } = setup({
      plugin: { command: "/bin/true", leadingArgs: [] },
      statuses: ["RUNNING"],
      terminalFails: true,
    });
    flow.start("shell", "containers", row, { clusterArn: CLUSTER, taskArn: TASK });
    expect(await waitForFlash()).toEqual({
      text: "shell in app: the session broke off: tty gone",
      level: "error",
    });
    expect(terminated).toEqual(["sess-1"]);
  });

  it("a plugin that cannot start is reported, and deckhand waits for enter before coming back", async () => {
    const { flow, row, written, waitForFlash, terminated } = setup({
      plugin: { command: "/nonexistent/session-manager-plugin", leadingArgs: [] },
      statuses: ["RUNNING"],
    });
    flow.start("shell", "containers", row, { clusterArn: CLUSTER, taskArn: TASK });
    const flash = await waitForFlash();
    expect(flash.level).toBe("error");
    expect(flash.text).toContain("/nonexistent/session-manager-plugin was not found");
    expect(written.join("")).toContain("press enter to return to deckhand");
    // Nobody is attached to the session ECS opened: it is ended rather than left to time out.
    expect(terminated).toEqual(["sess-1"]);
  });

  it("a plugin too old to read the session from its environment is refused before anything is sent", async () => {
    const { flow, row, scope, calls, waitUntil, dialog, services } = setup({
      plugin: shPlugin("exit 0", "1.2.497.0"),
      statuses: ["RUNNING"],
    });
    let executed = false;
    services.ecs.executeCommand = async () => {
      executed = true;
      throw new Error("must not be sent");
    };
    flow.start("shell", "containers", row, scope);
    await waitUntil("no notice", () => dialog()?.kind === "notice");
    const notice = dialog() as Extract<DialogView, { kind: "notice" }>;
    expect(notice.items.map((item) => item.text)).toEqual([
      "session-manager-plugin 1.2.497.0 is too old (deckhand needs 1.2.497.1 or newer)",
    ]);
    expect(notice.items[0]!.hint).toMatch(
      /^deckhand passes the session in AWS_SSM_START_SESSION_RESPONSE.*Upgrade it: /,
    );
    // No `t tries anyway`: an old plugin would take the variable's name for the session.
    expect(notice.override).toBeUndefined();
    expect(executed).toBe(false);
    expect(calls.handovers).toBe(0);
  });

  it("a session that ends by itself is not terminated again", async () => {
    const { flow, row, scope, waitForFlash, terminated } = setup({
      plugin: { command: "/bin/true", leadingArgs: [] },
      statuses: ["RUNNING"],
    });
    flow.start("shell", "containers", row, scope);
    expect(await waitForFlash()).toEqual({ text: "shell in app ended (exit code 0)", level: "info" });
    expect(terminated).toEqual([]);
  });

  it.each([
    ["ExecuteCommand", "executeCommand"],
    ["the credentials", "credentials"],
  ] as const)("esc while waiting for %s: no shell opens and the session is ended", async (_, held) => {
    const hold = gate();
    const { flow, row, scope, calls, terminated, waitUntil, dialog } = setup({
      plugin: { command: "/bin/true", leadingArgs: [] },
      statuses: ["RUNNING"],
      [held]: hold.promise,
    });
    flow.start("shell", "containers", row, scope);
    await waitUntil("no wait for ExecuteCommand", () => {
      const view = dialog();
      return view?.kind === "busy" && view.text.startsWith("ExecuteCommand");
    });
    flow.handleKey("esc", "");
    expect(dialog()).toBeUndefined();
    hold.open();
    await waitUntil("the session was not ended", () => terminated.length > 0);
    expect(terminated).toEqual(["sess-1"]);
    expect(calls.handovers).toBe(0);
    expect(dialog()).toBeUndefined();
  });

  /** The port forward prompt with remote port 80 typed (the container maps none) and the suggested local port. */
  async function forwardPrompt() {
    const answer = gate<Result<{ sessionId: string; streamUrl: string; tokenValue: string }>>();
    const context = setup({
      plugin: { command: "/bin/true", leadingArgs: [] },
      statuses: ["RUNNING"],
      startSession: answer.promise,
    });
    const { flow, row, scope, waitUntil, dialog } = context;
    flow.start("portForward", "containers", row, scope);
    await waitUntil("no prompt", () => dialog()?.kind === "prompt");
    flow.handleKey("8", "8");
    flow.handleKey("0", "0");
    return { ...context, answer };
  }

  it("a second enter on the port forward prompt does not start a second session", async () => {
    const { flow, calls, waitUntil, flashes, answer } = await forwardPrompt();
    flow.handleKey("enter", "");
    flow.handleKey("enter", "");
    await waitUntil("no StartSession", () => calls.startSession > 0);
    flow.handleKey("enter", "");
    answer.open({ ok: false, failure: DENIED });
    await waitUntil("no flash of the failure", () => flashes.some((flash) => flash.level === "error"));
    expect(calls.startSession).toBe(1);
  });

  it("a port forward failing after the user moved on flashes, and leaves the new dialog alone", async () => {
    const { flow, row, scope, waitUntil, dialog, flashes, answer } = await forwardPrompt();
    flow.handleKey("enter", "");
    await waitUntil("no wait for StartSession", () =>
      flashes.some((flash) => flash.text.startsWith("starting")),
    );
    flow.start("command", "containers", row, scope);
    await waitUntil("no command prompt", () => dialog()?.kind === "prompt");
    const commandPrompt = dialog();
    answer.open({ ok: false, failure: DENIED });
    await waitUntil("no flash of the failure", () => flashes.some((flash) => flash.level === "error"));
    expect(flashes.at(-1)!.text).toMatch(
      /^port forward localhost:\d+ → app:80: StartSession failed \(AccessDeniedException\)$/,
    );
    expect(dialog()).toBe(commandPrompt);
  });
});

describe("ExecFlow.start: which container a row execs into", () => {
  const options = { plugin: shPlugin("exit 0"), statuses: ["RUNNING"] };

  it("asks which container of a task with several, and says when a task has none yet", () => {
    const { flow, scope, dialog } = setup(options);
    const two = {
      ...task("RUNNING"),
      containers: [
        { name: "app", lastStatus: "RUNNING" },
        { name: "envoy", lastStatus: "PENDING" },
      ],
    };
    expect(flow.start("shell", "tasks", { arn: TASK, task: two }, scope)).toBeUndefined();
    expect(dialog()).toMatchObject({
      kind: "pick",
      title: "Which container of 01234567? (open a shell)",
      items: [
        { label: "app", note: "RUNNING" },
        { label: "envoy", note: "PENDING" },
      ],
    });
    const empty = { ...task("PROVISIONING"), containers: [] };
    expect(flow.start("shell", "tasks", { arn: TASK, task: empty }, scope)).toBe(
      "task 01234567 has no containers yet: try again in a moment",
    );
  });

  it("does nothing on a row of a kind with no exec target, or on no row", () => {
    const { flow, scope, dialog } = setup(options);
    expect(flow.start("shell", "services", { arn: "arn:svc/web", name: "web" }, scope)).toBeUndefined();
    expect(flow.start("shell", "containers", undefined, scope)).toBeUndefined();
    expect(dialog()).toBeUndefined();
  });
});
