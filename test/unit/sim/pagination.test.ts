// List pagination the AWS way: default page sizes, maxResults, opaque tokens that walk every
// item exactly once, including the SDK's own paginators, at 2,000 services and 10,000 tasks; and
// the shared helpers themselves, with a service's own errors and negative (newest-first) keys.
import {
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListServices,
} from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";
import { createFakeClock, createSimulatedAccount, type SimulatedAccount } from "../../../source/sim/index.js";
import {
  decodeOpaqueToken,
  encodeOpaqueToken,
  pageRequest,
  paginate,
  paginateByPosition,
  type PageLimits,
} from "../../../source/sim/pagination.js";
import { SimError } from "../../../source/sim/protocol.js";

function client(sim: SimulatedAccount): ECSClient {
  return new ECSClient({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    maxAttempts: 1,
  });
}

describe("simulated ECS: pagination", () => {
  it("pages ListServices 10 at a time by default", async () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
    const ecs = client(sim);
    const sizes: number[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListServicesCommand({ cluster: "prod", nextToken }));
      sizes.push(page.serviceArns?.length ?? 0);
      for (const arn of page.serviceArns ?? []) seen.add(arn);
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(sizes).toEqual([10, 10, 10, 10, 2]);
    expect(seen.size).toBe(42);
    expect(sim.calls.byOperation()).toEqual({ ListServices: 5 });
  });

  it("pages ListClusters with maxResults 1", async () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
    const ecs = client(sim);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListClustersCommand({ maxResults: 1, nextToken }));
      expect(page.clusterArns?.length).toBe(1);
      names.push(...(page.clusterArns ?? []).map((arn) => arn.split("/").pop() ?? ""));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(names).toEqual(["prod", "staging", "batch-ec2", "legacy"]);
  });

  describe("at 2,000 services and 10,000 tasks", () => {
    let sim: SimulatedAccount;
    let ecs: ECSClient;
    beforeAll(() => {
      sim = createSimulatedAccount({
        services: 2000,
        tasks: 10_000,
        now: createFakeClock().now,
        throttle: false,
      });
      ecs = client(sim);
    });

    it("walks every service exactly once with maxResults 100", async () => {
      const arns: string[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 100, nextToken }));
        expect(page.serviceArns?.length).toBe(100);
        arns.push(...(page.serviceArns ?? []));
        nextToken = page.nextToken;
        pages++;
      } while (nextToken !== undefined);
      expect(pages).toBe(20);
      expect(arns).toHaveLength(2000);
      expect(new Set(arns).size).toBe(2000);
      expect(arns.every((arn) => arn.startsWith("arn:aws:ecs:us-east-1:123456789012:service/prod/"))).toBe(
        true,
      );
    });

    it("works with the SDK's paginateListServices", async () => {
      let count = 0;
      for await (const page of paginateListServices({ client: ecs, pageSize: 100 }, { cluster: "prod" })) {
        count += page.serviceArns?.length ?? 0;
      }
      expect(count).toBe(2000);
    });

    it("walks every task of the cluster once, and the count matches the cluster's", async () => {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ecs.send(new ListTasksCommand({ cluster: "prod", nextToken }));
        expect(page.taskArns?.length).toBeLessThanOrEqual(100);
        arns.push(...(page.taskArns ?? []));
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      expect(new Set(arns).size).toBe(arns.length);
      const [cluster] = (await ecs.send(new DescribeClustersCommand({ clusters: ["prod"] }))).clusters ?? [];
      // desiredStatus RUNNING covers exactly the running and pending tasks (stopping ones are STOPPED-desired).
      expect(arns.length).toBe((cluster?.runningTasksCount ?? 0) + (cluster?.pendingTasksCount ?? 0));
      expect(arns.length).toBeGreaterThanOrEqual(10_000);
    });
  });
});

describe("the shared pagination helpers", () => {
  const limits: PageLimits = { defaultSize: 2, max: 3 };

  function codeOf(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      if (error instanceof SimError) return `${error.code}: ${error.message}`;
      throw error;
    }
    throw new Error("expected an error");
  }

  it("answers a bad page size or token in ECS's words by default", () => {
    expect(codeOf(() => pageRequest(4, undefined, "scope", limits))).toBe(
      "InvalidParameterException: maxResults must be between 1 and 3.",
    );
    expect(codeOf(() => pageRequest(undefined, "nope", "scope", limits))).toBe(
      "InvalidParameterException: The specified nextToken is invalid.",
    );
  });

  it("answers them in a service's own words when it gives them", () => {
    const own: PageLimits = {
      ...limits,
      badSize: (size, max) => new SimError("ValidationException", `${size} is not within 1-${max}`),
      badToken: () => new SimError("InvalidNextTokenException", "Invalid NextToken"),
    };
    expect(codeOf(() => pageRequest(0, undefined, "scope", own))).toBe(
      "ValidationException: 0 is not within 1-3",
    );
    expect(codeOf(() => pageRequest(undefined, "nope", "scope", own))).toBe(
      "InvalidNextTokenException: Invalid NextToken",
    );
    const foreign = encodeOpaqueToken("another request", 5);
    expect(codeOf(() => pageRequest(undefined, foreign, "scope", own))).toBe(
      "InvalidNextTokenException: Invalid NextToken",
    );
    const notAKey = encodeOpaqueToken("scope", "five");
    expect(codeOf(() => pageRequest(undefined, notAKey, "scope", own))).toBe(
      "InvalidNextTokenException: Invalid NextToken",
    );
  });

  it("walks negative keys, as a newest-first list keyed by minus its sequence number has", () => {
    const newestFirst = [7, 5, 4, 1].map((seq) => ({ seq, key: -seq }));
    const seen: number[] = [];
    let token: string | undefined;
    do {
      const page = pageRequest(undefined, token, "activities", limits);
      const result = paginate(
        newestFirst,
        (item) => item.key,
        () => true,
        page,
        "activities",
      );
      seen.push(...result.items.map((item) => item.seq));
      token = result.nextToken;
    } while (token !== undefined);
    expect(seen).toEqual([7, 5, 4, 1]);
  });

  it("pages a list by position, with a token only while items are left", () => {
    const items = ["a", "b", "c", "d", "e"];
    const first = paginateByPosition(items, pageRequest(undefined, undefined, "letters", limits), "letters");
    expect(first.items).toEqual(["a", "b"]);
    const second = paginateByPosition(items, pageRequest(3, first.nextToken, "letters", limits), "letters");
    expect(second).toEqual({ items: ["c", "d", "e"], nextToken: undefined });
    const exact = paginateByPosition(["a", "b"], pageRequest(2, undefined, "letters", limits), "letters");
    expect(exact.nextToken).toBeUndefined();
  });

  it("carries any payload in an opaque token bound to its scope", () => {
    const token = encodeOpaqueToken("DescribeLogGroups|/ecs", { name: "/ecs/cart" });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOpaqueToken(token, "DescribeLogGroups|/ecs")).toEqual({ name: "/ecs/cart" });
    expect(codeOf(() => decodeOpaqueToken(token, "DescribeLogGroups|/aws"))).toBe(
      "InvalidParameterException: The specified nextToken is invalid.",
    );
  });
});
