// The port-forward prompt's rules, the default ports, and how a session's end is told.
import { describe, expect, it } from "vitest";
import { containerPorts, endedText, forwardProblem } from "../../../../source/features/exec/exec-forms.js";

describe("port-forward prompt", () => {
  it.each([
    [["8080", "18080", ""], undefined],
    [["5432", "15432", "db.internal"], undefined],
    [["5432", "15432", "10.0.3.7"], undefined],
    [["5432", "15432", "fd00::7"], undefined],
    [["", "18080", ""], "remote port must be a number, 1-65535"],
    [["70000", "18080", ""], "remote port must be 1-65535"],
    [["80", "0", ""], "local port must be 1-65535"],
    [["80", "http", ""], "local port must be a number, 1-65535"],
    [["80", "8080", "db internal"], 'remote host "db internal" is not a host name or IP address'],
    [["80", "8080", "-db"], 'remote host "-db" is not a host name or IP address'],
  ])("%j → %s", ([remote, local, host], problem) => {
    expect(forwardProblem(remote!, local!, host!)).toBe(problem);
  });

  it("defaults to the container's mapped ports, then its bound ones, each once", () => {
    const ports = containerPorts(
      {
        task: {
          containers: [{ name: "app", networkBindings: [{ containerPort: 8080 }, { containerPort: 9000 }] }],
        },
        taskDefinition: { containerDefinitions: [{ name: "app", portMappings: [{ containerPort: 8080 }] }] },
      },
      "app",
    );
    expect(ports).toEqual([8080, 9000]);
    expect(containerPorts({ task: {} }, "app")).toEqual([]);
  });
});

describe("how a session ended", () => {
  it("names the exit code, a signal, a stopped task, or why the plugin did not start", () => {
    expect(endedText("shell in app", { exitCode: 0, signal: null }, undefined)).toEqual([
      "shell in app ended (exit code 0)",
      "info",
    ]);
    expect(endedText("x", { exitCode: 127, signal: null }, undefined)).toEqual([
      "x ended with exit code 127",
      "warn",
    ]);
    expect(endedText("x", { exitCode: null, signal: "SIGKILL" }, undefined)).toEqual([
      "x ended by SIGKILL",
      "warn",
    ]);
    expect(endedText("x", { exitCode: null, signal: "SIGTERM", ended: "aborted" }, "STOPPED")).toEqual([
      "x: task stopped: session ended",
      "warn",
    ]);
    expect(
      endedText(
        "x",
        { exitCode: null, signal: null, ended: "failed", error: "plugin was not found" },
        undefined,
      ),
    ).toEqual(["x: plugin was not found", "error"]);
  });
});
