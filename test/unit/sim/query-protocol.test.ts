// The AWS Query protocol as the simulator speaks it: form parameters read as the SDK writes them
// (scalars, Name.member.N lists, lists of structures), and XML answers and errors that the real
// Elastic Load Balancing v2 client reads back exactly.
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { CallTally } from "../../../source/sim/call-counter.js";
import { ALLOW_ALL } from "../../../source/sim/iam.js";
import { SimError } from "../../../source/sim/protocol.js";
import {
  decodeQueryBody,
  queryInteger,
  queryList,
  queryString,
  queryStructs,
} from "../../../source/sim/query-protocol.js";
import { createRequestHandler } from "../../../source/sim/request-handler.js";

describe("the Query protocol's parameter readers", () => {
  const form = decodeQueryBody(
    "Action=DescribeTargetHealth&PageSize=20&Empty=&Odd=1.5" +
      "&Names.member.1=a&Names.member.2=b%26c&Names.member.4=skipped" +
      "&Targets.member.2.Id=10.0.0.5&Targets.member.1.Id=10.0.0.4&Targets.member.1.Port=8080",
  );
  const validation = (message: string) => new SimError("ValidationError", message);

  it("reads scalars, taking an empty one as absent", () => {
    expect(queryString(form, "Action")).toBe("DescribeTargetHealth");
    expect(queryString(form, "Empty")).toBeUndefined();
    expect(queryString(form, "Missing")).toBeUndefined();
  });

  it("reads integers, and answers text that is not one with the service's error", () => {
    expect(queryInteger(form, "PageSize", validation)).toBe(20);
    expect(queryInteger(form, "Empty", validation)).toBeUndefined();
    expect(() => queryInteger(form, "Odd", validation)).toThrow(
      expect.objectContaining({ code: "ValidationError", message: "Odd must be an integer." }),
    );
  });

  it("reads a list up to its first gap, and a list of structures by index", () => {
    expect(queryList(form, "Names")).toEqual(["a", "b&c"]);
    expect(queryList(form, "Missing")).toEqual([]);
    const targets = queryStructs(form, "Targets");
    expect(targets.map((field) => [field("Id"), field("Port")])).toEqual([
      ["10.0.0.4", "8080"],
      ["10.0.0.5", undefined],
    ]);
  });
});

describe("the simulator's Query protocol", () => {
  it("escapes text so the SDK's XML parser reads it back exactly, and encodes errors the SDK maps", async () => {
    const awkward = `a&b <c> "d" 'e'`;
    const handler = createRequestHandler({
      services: [
        {
          targetPrefix: "elasticloadbalancing",
          queryNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
          iamService: "elasticloadbalancing",
          operations: {
            DescribeTargetGroups: (input) => ({
              TargetGroups: [
                {
                  TargetGroupName: awkward,
                  Port: 80,
                  HealthCheckEnabled: true,
                  TargetGroupArn: String(input["Names.member.1"]),
                },
              ],
            }),
            DescribeTargetHealth: () => {
              throw new SimError("TargetGroupNotFound", `no ${awkward}`);
            },
          },
          throttleBucket: () => undefined,
        },
      ],
      calls: new CallTally(),
      buckets: undefined,
      latencyMs: 0,
      deny: ALLOW_ALL,
      accountId: "123456789012",
      now: () => 0,
    });
    const client = new ElasticLoadBalancingV2Client({
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
      requestHandler: handler,
      maxAttempts: 1,
    });
    const out = await client.send(new DescribeTargetGroupsCommand({ Names: ["x&y"] }));
    expect(out.TargetGroups).toEqual([
      { TargetGroupName: awkward, Port: 80, HealthCheckEnabled: true, TargetGroupArn: "x&y" },
    ]);
    await expect(
      client.send(new DescribeTargetHealthCommand({ TargetGroupArn: "arn" })),
    ).rejects.toMatchObject({
      name: "TargetGroupNotFoundException",
      message: `no ${awkward}`,
    });
  });
});
