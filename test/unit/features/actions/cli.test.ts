// The `aws` CLI lines shown with each action: right subcommand and flags, and quoted so that
// pasting them into a shell runs exactly the shown call.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliCommand, shellQuote } from "../../../../source/features/actions/cli.js";
import { restartAction } from "../../../../source/features/actions/restart.js";
import { stopTasksAction } from "../../../../source/features/actions/stop-tasks.js";
import { toggleExecAction } from "../../../../source/features/actions/toggle-exec.js";
import type { Built } from "../../../../source/features/actions/types.js";
import { SCOPE, service, task } from "./fixtures.js";

const cli = (built: Built) => (built.ok ? built.action.calls.map((call) => call.cli) : [built.message]);

describe("shellQuote", () => {
  it.each([
    ["web", "web"],
    ["arn:aws:ecs:us-east-1:123456789012:task/prod/abc", "arn:aws:ecs:us-east-1:123456789012:task/prod/abc"],
    ["", "''"],
    ["two words", "'two words'"],
    ["Stopped by deckhand (alice)", "'Stopped by deckhand (alice)'"],
    ["it's", `'it'\\''s'`],
    ["$(rm -rf ~)", "'$(rm -rf ~)'"],
    ["~", "'~'"],
    ["=ls", "'=ls'"],
    ["a=b", "a=b"],
    ["a`b`;c|d&e>f*", "'a`b`;c|d&e>f*'"],
  ])("%j → %s", (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it("round-trips through a real shell", () => {
    const words = ["it's", "$(echo no)", "tab\there", "new\nline", "back\\slash", '"dq"', "!bang", ""];
    const echoed = execFileSync("sh", ["-c", `printf '%s\\0' ${words.map(shellQuote).join(" ")}`], {
      encoding: "utf8",
    });
    expect(echoed.split("\0").slice(0, -1)).toEqual(words);
  });
});

describe("cliCommand", () => {
  it("scale", () => {
    expect(
      cliCommand(
        {
          service: "ecs",
          operation: "UpdateService",
          parameters: { cluster: "prod", service: "web", desiredCount: 0 },
        },
        SCOPE,
      ),
    ).toBe(
      "aws ecs update-service --cluster prod --service web --desired-count 0 --region us-east-1 --profile prod-admin",
    );
  });

  it("restart", () => {
    expect(cli(restartAction(SCOPE, service()))).toEqual([
      "aws ecs update-service --cluster prod --service web --force-new-deployment --region us-east-1 --profile prod-admin",
    ]);
  });

  it("toggle exec, both ways, with the forced deployment", () => {
    expect(cli(toggleExecAction({ region: "eu-west-1" }, service()))).toEqual([
      "aws ecs update-service --cluster prod --service web --enable-execute-command --force-new-deployment --region eu-west-1",
    ]);
    expect(cli(toggleExecAction({ region: "eu-west-1" }, service({ enableExecuteCommand: true })))).toEqual([
      "aws ecs update-service --cluster prod --service web --disable-execute-command --force-new-deployment --region eu-west-1",
    ]);
  });

  it("stop task, with the reason quoted", () => {
    expect(cli(stopTasksAction(SCOPE, [task("abc123")], "alice"))).toEqual([
      "aws ecs stop-task --cluster prod --task arn:aws:ecs:us-east-1:123456789012:task/prod/abc123 " +
        "--reason 'Stopped by deckhand (alice)' --region us-east-1 --profile prod-admin",
    ]);
  });

  it("change revision and rollback", () => {
    expect(
      cliCommand(
        {
          service: "ecs",
          operation: "UpdateService",
          parameters: {
            cluster: "prod",
            service: "web",
            taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/web:2",
          },
        },
        { region: "us-east-1" },
      ),
    ).toBe(
      "aws ecs update-service --cluster prod --service web --task-definition arn:aws:ecs:us-east-1:1:task-definition/web:2 --region us-east-1",
    );
    expect(
      cliCommand(
        {
          service: "ecs",
          operation: "StopServiceDeployment",
          parameters: {
            serviceDeploymentArn: "arn:aws:ecs:us-east-1:1:service-deployment/prod/web/x",
            stopType: "ROLLBACK",
          },
        },
        { region: "us-east-1" },
      ),
    ).toBe(
      "aws ecs stop-service-deployment --service-deployment-arn arn:aws:ecs:us-east-1:1:service-deployment/prod/web/x --stop-type ROLLBACK --region us-east-1",
    );
  });

  it("autoscaling min/max", () => {
    expect(
      cliCommand(
        {
          service: "application-autoscaling",
          operation: "RegisterScalableTarget",
          parameters: {
            ServiceNamespace: "ecs",
            ResourceId: "service/prod/web",
            ScalableDimension: "ecs:service:DesiredCount",
            MinCapacity: 1,
            MaxCapacity: 4,
          },
        },
        { region: "us-east-1", profile: "my profile" },
      ),
    ).toBe(
      "aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/prod/web " +
        "--scalable-dimension ecs:service:DesiredCount --min-capacity 1 --max-capacity 4 --region us-east-1 --profile 'my profile'",
    );
  });
});
