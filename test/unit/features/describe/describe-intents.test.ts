// `d` and `=` through a fake store host: the diff reads both revisions first, and opens only if
// the user is still where `=` was pressed.
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it, vi } from "vitest";
import type { EcsGateway } from "../../../../source/aws/ecs-gateway.js";
import { fail, ok, type Result } from "../../../../source/aws/failure.js";
import { DescribeIntents } from "../../../../source/features/describe/describe-intents.js";
import type { RevisionRow } from "../../../../source/kinds/task-definition.js";
import { cacheKey } from "../../../../source/state/app-state.js";
import { describeOf } from "../../../../source/state/overlay.js";
import { clusterRow, fakeHost, stateWith } from "../../state/state-fixtures.js";

const SCOPE = { taskDefinitionFamily: "web" };
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;
const revision = (n: number): RevisionRow => ({ arn: arn(n), family: "web", revision: n, status: "ACTIVE" });
const outputs = { lines: (value: object) => JSON.stringify(value, null, 2).split("\n"), copy: () => {} };

function revisions() {
  const state = stateWith([revision(2), revision(1)], [{ kind: "taskdefs", scope: SCOPE }]);
  const marked = { ...state, marks: new Map([[cacheKey("taskdefs", SCOPE), new Set([arn(1), arn(2)])]]) };
  const fake = fakeHost(marked);
  const answers: ((result: Result<TaskDefinition>) => void)[] = [];
  const gateway = {
    knownTaskDefinition: () => undefined,
    describeTaskDefinition: () => new Promise<Result<TaskDefinition>>((answer) => answers.push(answer)),
  } as unknown as EcsGateway;
  const keys = new DescribeIntents(fake.host, () => gateway);
  const answer = async (cpu: string[]) => {
    cpu.forEach((value, i) => answers[i]!(ok({ taskDefinitionArn: arn(i + 1), cpu: value })));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ...fake, keys, answer, answers };
}

describe("describe intents", () => {
  it("= says it is reading, then opens the diff of the two marked revisions", async () => {
    const { keys, answer, state, flashes, paused } = revisions();
    keys.diff(outputs);
    expect(flashes).toEqual([{ text: "reading web:1 → web:2…", level: "info" }]);
    await answer(["256", "512"]);
    expect(state().flash).toBeUndefined();
    const pane = describeOf(state().overlay);
    expect(pane?.title).toBe("web:1 → web:2");
    expect(pane?.lines.some((line) => line.includes('"cpu": "512"'))).toBe(true);
    expect(paused()).toBe(1);
  });

  it("= opens nothing once the user went to another view, and says why a read failed", async () => {
    const moved = revisions();
    moved.keys.diff(outputs);
    moved.host.set({ stack: stateWith([clusterRow("prod")]).stack });
    await moved.answer(["256", "512"]);
    expect(moved.state().overlay.type).toBe("none");

    const failed = revisions();
    failed.keys.diff(outputs);
    const failure = {
      kind: "denied",
      operation: "DescribeTaskDefinition",
      code: "AccessDenied",
      message: "no",
    };
    failed.answers[0]!(fail(failure as never));
    failed.answers[1]!(ok({}));
    await vi.waitFor(() => expect(failed.flashes.at(-1)?.level).toBe("error"));
    expect(failed.state().overlay.type).toBe("none");
  });

  it("the diff opens over a prompt opened meanwhile, and closing it gives the prompt back and refreshes", async () => {
    const { keys, answer, state, host, refreshes } = revisions();
    keys.diff(outputs);
    host.set({ overlay: { type: "filter", draft: "w", cursor: 1 } });
    await answer(["256", "512"]);
    describeOf(state().overlay)!.handleKey("esc", "");
    expect(state().overlay).toEqual({ type: "filter", draft: "w", cursor: 1 });
    expect(refreshes).toEqual([false]);
  });

  it("d describes the row under the cursor, or says why there is nothing to describe", () => {
    const fake = fakeHost(stateWith([clusterRow("prod")]));
    const keys = new DescribeIntents(fake.host, () => undefined);
    keys.describe(outputs);
    expect(describeOf(fake.state().overlay)?.title).toBe("clusters/prod");
    const bare = fakeHost(stateWith([{ arn: "arn:aws:ecs:us-east-1:1:cluster/x" }]));
    new DescribeIntents(bare.host, () => undefined).describe(outputs);
    expect(bare.flashes).toEqual([{ text: "nothing to describe on this row: AWS has none", level: "info" }]);
  });

  it("= without an account says so", () => {
    const fake = fakeHost(stateWith([revision(2), revision(1)], [{ kind: "taskdefs", scope: SCOPE }]));
    fake.host.set({ marks: new Map([[cacheKey("taskdefs", SCOPE), new Set([arn(1), arn(2)])]]) });
    new DescribeIntents(fake.host, () => undefined).diff(outputs);
    expect(fake.flashes).toEqual([{ text: "not connected", level: "error" }]);
  });
});
