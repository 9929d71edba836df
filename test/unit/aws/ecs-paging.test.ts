// EcsGateway's read helpers on their own: List calls followed to the last page, Describe calls
// batched, both under the RequestBudget, and a throttled read slowing the budget down.
import { describe, expect, it, vi } from "vitest";
import { describeAll, listAll, readFailure } from "../../../source/aws/ecs-paging.js";
import { RequestBudget } from "../../../source/aws/request-budget.js";

const throttling = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });

describe("listAll", () => {
  it("follows nextToken to the last page, each page through the budget", async () => {
    const budget = new RequestBudget();
    const run = vi.spyOn(budget, "run");
    const tokens: Array<string | undefined> = [];
    const result = await listAll(budget, "ListServices", async (nextToken) => {
      tokens.push(nextToken);
      const page = Number(nextToken ?? 0);
      return { arns: [`arn-${page}`], nextToken: page < 2 ? String(page + 1) : undefined };
    });
    expect(result).toEqual({ ok: true, value: ["arn-0", "arn-1", "arn-2"] });
    expect(tokens).toEqual([undefined, "1", "2"]);
    expect(run.mock.calls.map(([operation]) => operation)).toEqual(Array(3).fill("ListServices"));
  });

  it("turns a failed page into a failure, and a throttled one drains the operation's bucket", async () => {
    const budget = new RequestBudget();
    const throttled = vi.spyOn(budget, "throttled");
    const result = await listAll(budget, "ListTasks", () => Promise.reject(throttling));
    expect(result).toMatchObject({ ok: false, failure: { kind: "throttled", operation: "ListTasks" } });
    expect(throttled).toHaveBeenCalledWith("ListTasks");
  });
});

describe("describeAll", () => {
  it("describes in batches of the limit, reporting each batch as it lands", async () => {
    const batches: string[][] = [];
    const landed: number[] = [];
    const arns = Array.from({ length: 7 }, (_, index) => `arn-${index}`);
    const result = await describeAll(
      new RequestBudget(),
      arns,
      3,
      "DescribeTasks",
      async (batch) => {
        batches.push(batch);
        return { items: batch.map((arn) => ({ arn })) };
      },
      (items) => landed.push(items.length),
    );
    expect(batches).toEqual([arns.slice(0, 3), arns.slice(3, 6), arns.slice(6)]);
    expect(result.ok && result.value.map((item) => item.arn)).toEqual(arns);
    expect(landed.sort()).toEqual([1, 3, 3]);
  });

  it("makes no call for no ARNs", async () => {
    const describe = vi.fn();
    expect(await describeAll(new RequestBudget(), [], 10, "DescribeServices", describe)).toEqual({
      ok: true,
      value: [],
    });
    expect(describe).not.toHaveBeenCalled();
  });
});

describe("readFailure", () => {
  it("leaves the budget alone for a failure that is not throttling", () => {
    const budget = new RequestBudget();
    const throttled = vi.spyOn(budget, "throttled");
    const denied = Object.assign(new Error("no"), { name: "AccessDeniedException" });
    expect(readFailure(budget, "DescribeServices", denied)).toMatchObject({
      ok: false,
      failure: { kind: "denied", operation: "DescribeServices" },
    });
    expect(throttled).not.toHaveBeenCalled();
  });
});
