// What users type into the scale and auto scaling prompts, and what each action builder refuses,
// warns about, or asks a typed confirmation for.
import { describe, expect, it } from "vitest";
import { autoscalingRangeAction } from "../../../../source/features/actions/autoscaling-range.js";
import { MAX_COUNT, parseCount } from "../../../../source/features/actions/count-input.js";
import { scaleAction } from "../../../../source/features/actions/scale.js";
import type { Action, Built } from "../../../../source/features/actions/types.js";
import { SCOPE, scalableTarget, service } from "./fixtures.js";

function action(built: Built): Action {
  if (!built.ok) throw new Error(`expected an action, got: ${built.message}`);
  return built.action;
}

function message(built: Built): string {
  if (built.ok) throw new Error(`expected a refusal, got: ${built.action.title}`);
  return built.message;
}

describe("parseCount", () => {
  it.each([
    ["0", 0],
    ["3", 3],
    [" 12 ", 12],
    ["007", 7],
    [String(MAX_COUNT), MAX_COUNT],
  ])("accepts %j as %d", (input, value) => {
    expect(parseCount(input, "desired count")).toEqual({ ok: true, value });
  });

  it.each([
    ["", "enter a desired count: a whole number, 0 or more"],
    ["   ", "enter a desired count: a whole number, 0 or more"],
    ["abc", 'desired count must be a number, not "abc"'],
    ["1e3", 'desired count must be a number, not "1e3"'],
    ["0x10", 'desired count must be a number, not "0x10"'],
    ["+2", 'desired count must be a number, not "+2"'],
    ["-1", "desired count cannot be negative (-1): enter 0 or more"],
    ["-0.5", "desired count cannot be negative (-0.5): enter 0 or more"],
    ["1.5", "desired count must be a whole number of tasks, not 1.5"],
    [".5", "desired count must be a whole number of tasks, not .5"],
    ["2.", "desired count must be a whole number of tasks, not 2."],
    ["2147483648", "desired count 2147483648 is too large: ECS accepts at most 2147483647"],
    [
      "99999999999999999999999",
      `desired count 99999999999999999999999 is too large: ECS accepts at most ${MAX_COUNT}`,
    ],
  ])("refuses %j: %s", (input, text) => {
    expect(parseCount(input, "desired count")).toEqual({ ok: false, message: text });
  });
});

describe("scaleAction", () => {
  it("sends UpdateService with the desired count and nothing else", () => {
    const scale = action(scaleAction(SCOPE, service(), "5"));
    expect(scale.calls.map(({ operation, parameters }) => ({ operation, parameters }))).toEqual([
      { operation: "UpdateService", parameters: { cluster: "prod", service: "web", desiredCount: 5 } },
    ]);
    expect(scale).toMatchObject({
      id: "scale",
      title: "Scale web from 3 to 5",
      destructive: false,
      confirmation: { kind: "plain" },
      warnings: [],
    });
  });

  it("passes input errors through", () => {
    expect(message(scaleAction(SCOPE, service(), "abc"))).toBe('desired count must be a number, not "abc"');
  });

  it("refuses a count the service already has", () => {
    expect(message(scaleAction(SCOPE, service(), "3"))).toBe("web already has a desired count of 3");
  });

  it("asks to type the service name to scale running tasks to 0", () => {
    const scale = action(scaleAction(SCOPE, service(), "0"));
    expect(scale.destructive).toBe(true);
    expect(scale.confirmation).toEqual({
      kind: "typed",
      expected: "web",
      prompt: "Scaling to 0 stops every task of web (3 running or pending). Type web to confirm.",
    });
  });

  it("counts pending tasks as ones scaling to 0 would stop", () => {
    const starting = service({ desiredCount: 2, runningCount: 0, pendingCount: 2 });
    expect(action(scaleAction(SCOPE, starting, "0")).confirmation).toMatchObject({ kind: "typed" });
  });

  it("needs no typed confirmation to scale to 0 when nothing runs", () => {
    const scale = action(
      scaleAction(SCOPE, service({ desiredCount: 1, runningCount: 0, pendingCount: 0 }), "0"),
    );
    expect(scale.confirmation).toEqual({ kind: "plain" });
  });

  it.each([
    ["1", "move it back to 2"],
    ["11", "move it back to 10"],
  ])("warns, without refusing, when %s is outside auto scaling's 2..10", (input, text) => {
    const scale = action(scaleAction(SCOPE, service(), input, scalableTarget(2, 10)));
    expect(scale.warnings).toHaveLength(1);
    expect(scale.warnings[0]).toContain("between 2 and 10");
    expect(scale.warnings[0]).toContain(text);
  });

  it("does not warn inside the auto scaling range", () => {
    const target = scalableTarget(2, 10);
    expect(action(scaleAction(SCOPE, service(), "10", target)).warnings).toEqual([]);
  });

  it("refuses a service that is not fully described", () => {
    expect(message(scaleAction(SCOPE, service({ clusterArn: undefined }), "2"))).toMatch(/refresh/);
  });
});

describe("autoscalingRangeAction", () => {
  const target = scalableTarget(2, 10);

  it("registers the scalable target with min and max only", () => {
    const range = action(autoscalingRangeAction(SCOPE, service(), "1", "6", target));
    expect(range.calls.map(({ operation, parameters }) => ({ operation, parameters }))).toEqual([
      {
        operation: "RegisterScalableTarget",
        parameters: {
          ServiceNamespace: "ecs",
          ResourceId: "service/prod/web",
          ScalableDimension: "ecs:service:DesiredCount",
          MinCapacity: 1,
          MaxCapacity: 6,
        },
      },
    ]);
    expect(range.title).toBe("Set auto scaling of web from min 2, max 10 to min 1, max 6");
    expect(range.warnings).toEqual([]);
  });

  it.each([
    ["", "4", "enter a min: a whole number, 0 or more"],
    ["1", "x", 'max must be a number, not "x"'],
    ["-1", "4", "min cannot be negative (-1): enter 0 or more"],
    ["2.5", "4", "min must be a whole number of tasks, not 2.5"],
    ["5", "4", "min (5) cannot be above max (4)"],
    ["2", "10", "auto scaling of web is already min 2, max 10"],
  ])("refuses min %j max %j: %s", (min, max, text) => {
    expect(message(autoscalingRangeAction(SCOPE, service(), min, max, target))).toBe(text);
  });

  it("accepts min equal to max, and 0", () => {
    expect(
      action(autoscalingRangeAction(SCOPE, service({ desiredCount: 0, runningCount: 0 }), "0", "0")).calls,
    ).toHaveLength(1);
    expect(action(autoscalingRangeAction(SCOPE, service(), "3", "3", target)).warnings).toEqual([]);
  });

  it("warns when the desired count falls outside the new range, and when no target exists yet", () => {
    const range = action(autoscalingRangeAction(SCOPE, service({ desiredCount: 3 }), "4", "8"));
    expect(range.warnings).toEqual([
      expect.stringContaining("no auto scaling target yet: this registers one"),
      "desired count 3 is below the new min: auto scaling will raise it to 4",
    ]);
    const lower = action(autoscalingRangeAction(SCOPE, service({ desiredCount: 3 }), "1", "2", target));
    expect(lower.warnings).toEqual(["desired count 3 is above the new max: auto scaling will lower it to 2"]);
    expect(lower.destructive).toBe(true);
  });

  it("asks for a typed confirmation when a max of 0 would stop running tasks", () => {
    const range = action(autoscalingRangeAction(SCOPE, service(), "0", "0", target));
    expect(range.confirmation).toMatchObject({ kind: "typed", expected: "web" });
  });
});
