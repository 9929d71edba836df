// Refusing mutations (DECKHAND_SIM_DENY / SimOptions.deny) with IAM's AccessDeniedException, and
// the record of every mutating call (sim.calls.mutations(), and the call log file, written before
// the call is answered) that lets a test prove what the UI changed, or that it changed nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeScalableTargetsCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import {
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { afterAll, describe, expect, it } from "vitest";
import {
  createFakeClock,
  createSimulatedAccount,
  simOptionsFromEnv,
  type SimOptions,
} from "../../../source/sim/index.js";
import { SIMULATED_OPERATIONS } from "../../../source/sim/iam.js";
import { failure, simulatedLogs } from "../../helpers/sim-logs-client.js";

const scratch = mkdtempSync(join(tmpdir(), "deckhand-sim-deny-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function setup(options: SimOptions = {}) {
  return simulatedLogs({ throttle: false, ...options });
}

const denied = (action: string, resource: string): string =>
  `User: arn:aws:iam::123456789012:user/demo is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

describe("simulated account: denied mutations", () => {
  it("refuses the named operations with AccessDeniedException and AWS's message, changing nothing", async () => {
    const { ecs, scaling, sim } = setup({ deny: ["UpdateService", "ecs:StopTask"] });
    const update = await failure(
      ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 9 })),
    );
    expect(update.name).toBe("AccessDeniedException");
    expect(update.message).toBe(
      denied("ecs:UpdateService", "arn:aws:ecs:us-east-1:123456789012:service/prod/pricing"),
    );
    expect(update.$metadata?.httpStatusCode).toBe(400);
    const [task] =
      (await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "pricing" }))).taskArns ?? [];
    const stop = await failure(
      ecs.send(new StopTaskCommand({ cluster: "prod", task: task?.split("/").pop() })),
    );
    expect(stop.message).toBe(denied("ecs:StopTask", task ?? ""));

    const pricing = (await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["pricing"] })))
      .services?.[0];
    expect(pricing?.desiredCount).toBe(4);
    const stillRunning = (await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "pricing" })))
      .taskArns;
    expect(stillRunning).toContain(task);
    // What is not named is allowed.
    await scaling.send(
      new RegisterScalableTargetCommand({
        ServiceNamespace: "ecs",
        ScalableDimension: "ecs:service:DesiredCount",
        ResourceId: "service/prod/pricing",
        MinCapacity: 1,
        MaxCapacity: 8,
      }),
    );
    expect(sim.calls.mutations().map((mutation) => [mutation.operation, mutation.outcome])).toEqual([
      ["UpdateService", "AccessDeniedException"],
      ["StopTask", "AccessDeniedException"],
      ["RegisterScalableTarget", "ok"],
    ]);
  });

  it('refuses every mutation with "*", and still answers reads', async () => {
    const { ecs, scaling, sim } = setup({ deny: "*" });
    const [rollout] =
      (await ecs.send(new ListServiceDeploymentsCommand({ cluster: "prod", service: "checkout" })))
        .serviceDeployments ?? [];
    const stopDeployment = await failure(
      ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: rollout?.serviceDeploymentArn })),
    );
    expect(stopDeployment.message).toBe(
      denied("ecs:StopServiceDeployment", rollout?.serviceDeploymentArn ?? ""),
    );
    const register = await failure(
      scaling.send(
        new RegisterScalableTargetCommand({
          ServiceNamespace: "ecs",
          ScalableDimension: "ecs:service:DesiredCount",
          ResourceId: "service/prod/cart",
          MaxCapacity: 20,
        }),
      ),
    );
    expect(register.name).toBe("AccessDeniedException");
    expect(register.message).toBe(
      denied(
        "application-autoscaling:RegisterScalableTarget",
        sim.autoScaling.targets.get("service/prod/cart")?.arn ?? "",
      ),
    );
    const force = await failure(
      ecs.send(
        new UpdateServiceCommand({
          cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
          service: "checkout",
          forceNewDeployment: true,
        }),
      ),
    );
    expect(force.message).toBe(
      denied("ecs:UpdateService", "arn:aws:ecs:us-east-1:123456789012:service/prod/checkout"),
    );
    const targets = await scaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(targets.ScalableTargets?.length).toBeGreaterThan(0);
    expect(sim.calls.byOperation()).toMatchObject({ ListServiceDeployments: 1, DescribeScalableTargets: 1 });
    expect(sim.calls.mutations().every((mutation) => mutation.outcome === "AccessDeniedException")).toBe(
      true,
    );
    expect(sim.calls.mutations()).toHaveLength(3);
  });

  it("can refuse a read too, when it is named", async () => {
    const { scaling, ecs } = setup({ deny: "application-autoscaling:DescribeScalableTargets" });
    const error = await failure(
      scaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(denied("application-autoscaling:DescribeScalableTargets", "*"));
    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 5 }));
  });

  it("records every mutating call, with input and outcome, in the call log before answering", async () => {
    const path = join(scratch, "calls.json");
    const { ecs, sim } = setup({ callLogPath: path, deny: ["StopTask"] });
    const read = () =>
      JSON.parse(readFileSync(path, "utf8")) as {
        calls: Record<string, number>;
        mutations: Array<{ at: string; action: string; input: unknown; outcome: string }>;
      };
    await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["pricing"] }));
    expect(read().mutations).toEqual([]);
    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 5 }));
    // Read at once: a mutation is in the file by the time the SDK has its answer.
    const afterUpdate = read();
    expect(afterUpdate.calls.UpdateService).toBe(1);
    expect(afterUpdate.mutations).toEqual([
      {
        at: new Date(sim.world.time).toISOString(),
        action: "ecs:UpdateService",
        operation: "UpdateService",
        input: { cluster: "prod", service: "pricing", desiredCount: 5 },
        outcome: "ok",
      },
    ]);
    await failure(ecs.send(new StopTaskCommand({ cluster: "prod", task: "abc" })));
    await failure(ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "nope", desiredCount: 1 })));
    expect(read().mutations.map((mutation) => mutation.outcome)).toEqual([
      "ok",
      "AccessDeniedException",
      "ServiceNotFoundException",
    ]);
    sim.calls.reset();
    expect(sim.calls.mutations()).toEqual([]);
  });

  it("records a throttled mutation as throttled", async () => {
    const { ecs, sim } = setup({ throttle: true });
    const calls = Array.from({ length: 51 }, () =>
      ecs
        .send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 4 }))
        .catch(() => undefined),
    );
    await Promise.all(calls);
    const outcomes = sim.calls.mutations().map((mutation) => mutation.outcome);
    expect(outcomes.filter((outcome) => outcome === "ok")).toHaveLength(50);
    expect(outcomes.filter((outcome) => outcome === "ThrottlingException")).toHaveLength(1);
  });

  it("rejects deny lists naming operations the account does not have", () => {
    expect(() => createSimulatedAccount({ deny: ["UpdateServce"] })).toThrow(/UpdateServce/);
    expect(() => createSimulatedAccount({ deny: "s3:*" })).toThrow(/unknown service "s3"/);
  });
});

describe("DECKHAND_SIM_DENY", () => {
  it("reads operation names, IAM actions and wildcards", () => {
    expect(simOptionsFromEnv({ DECKHAND_SIM_DENY: "UpdateService, ecs:StopTask" })).toEqual({
      deny: ["UpdateService", "ecs:StopTask"],
    });
    expect(simOptionsFromEnv({ DECKHAND_SIM_DENY: "*" })).toEqual({ deny: ["*"] });
    expect(simOptionsFromEnv({ DECKHAND_SIM_DENY: "updateservice,application-autoscaling:*" })).toEqual({
      deny: ["updateservice", "application-autoscaling:*"],
    });
    expect(simOptionsFromEnv({ DECKHAND_SIM_DENY: " " })).toEqual({});
  });

  it("rejects bad values with a one-line message naming the variable", () => {
    for (const value of ["UpdateServce", "ecs:Nope", "foo:*", "UpdateService,,StopTask", "ecs:"]) {
      let message = "";
      try {
        simOptionsFromEnv({ DECKHAND_SIM_DENY: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, value).toContain("DECKHAND_SIM_DENY");
      expect(message).not.toContain("\n");
    }
  });

  // The request handler refuses to start with an operation missing from the list; this checks the other way.
  it("lists only operations the simulated services answer", () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now });
    const answered = async (target: string): Promise<string> => {
      const request = {
        method: "POST",
        protocol: "https:",
        hostname: "x",
        path: "/",
        query: {},
        headers: { "x-amz-target": target },
        body: "{}",
      };
      const { response } = await sim.requestHandler.handle(request as never);
      return String(response.headers["x-amzn-errortype"] ?? "");
    };
    // Query-protocol services (ELBv2): found by the SigV4 signing name, the operation by Action.
    const answeredQuery = async (signingName: string, action: string): Promise<string> => {
      const request = {
        method: "POST",
        protocol: "https:",
        hostname: "x",
        path: "/",
        query: {},
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260115/us-east-1/${signingName}/aws4_request, SignedHeaders=host, Signature=0`,
        },
        body: `Action=${action}&Version=2015-12-01`,
      };
      const { response } = await sim.requestHandler.handle(request as never);
      return new TextDecoder().decode(response.body as Uint8Array);
    };
    const prefixes = {
      ecs: "AmazonEC2ContainerServiceV20141113",
      logs: "Logs_20140328",
      "application-autoscaling": "AnyScaleFrontendService",
      ssm: "AmazonSSM",
      ecr: "AmazonEC2ContainerRegistry_V20150921",
    } as const;
    return Promise.all(
      Object.entries(SIMULATED_OPERATIONS).flatMap(([service, { reads, mutations }]) =>
        [...reads, ...mutations].map(async (operation) => {
          if (service === "elasticloadbalancing") {
            expect(await answeredQuery(service, operation), operation).not.toContain("InvalidAction");
            return;
          }
          const prefix = prefixes[service as keyof typeof prefixes];
          expect(await answered(`${prefix}.${operation}`), operation).not.toBe("UnknownOperationException");
        }),
      ),
    );
  });
});
