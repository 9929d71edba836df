// ECS exec and SSM sessions against moto_server 5.2.1, which implements neither ExecuteCommand nor
// StartSession/TerminateSession: it answers HTTP 500 with an HTML debugger page (docs/aws.md, "moto
// 5.2.1: unimplemented operations"). deckhand's own clients (connect(): adaptive retries, 5
// attempts) must turn that into one clear "unavailable" failure, sent once and quickly, and keep
// working afterwards. A counting proxy in front of moto sees every attempt the SDK makes.
import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Connection } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { describeFailure, type Result } from "../../source/aws/failure.js";
import { SsmGateway } from "../../source/aws/ssm-gateway.js";
import { startMoto, stubMotoCredentialEnv, type MotoServer } from "../helpers/moto.js";
import { failureOf } from "../helpers/results.js";

let moto: MotoServer;
let proxy: CountingProxy;
let connection: Connection;
let unstubEnv: (() => void) | undefined;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await countingProxy(moto.port);
  unstubEnv = stubMotoCredentialEnv();
  connection = await connect({ endpointUrl: proxy.url, region: "us-east-1", env: {} });
  await connection.ecs.send(new CreateClusterCommand({ clusterName: "prod" }));
});

afterAll(async () => {
  connection?.ecs.destroy();
  connection?.ssm.destroy();
  unstubEnv?.();
  await proxy?.close();
  await moto?.stop();
});

interface CountingProxy {
  url: string;
  /** Requests seen per X-Amz-Target operation, e.g. "ExecuteCommand". */
  count(operation: string): number;
  close(): Promise<void>;
}

/** Forwards everything to moto on 127.0.0.1 and counts requests by operation. */
async function countingProxy(motoPort: number): Promise<CountingProxy> {
  const counts = new Map<string, number>();
  const server: Server = createServer((incoming, outgoing) => {
    const operation =
      String(incoming.headers["x-amz-target"] ?? "")
        .split(".")
        .pop() ?? "";
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: motoPort,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: (operation) => counts.get(operation) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function timed<T>(call: () => Promise<Result<T>>): Promise<{ result: Result<T>; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

describe("ECS exec on moto", () => {
  it("reports ExecuteCommand as not implemented, once and within seconds, and the gateway keeps working", async () => {
    const gateway = new EcsGateway(connection.ecs);
    const { result, ms } = await timed(() =>
      gateway.executeCommand({
        cluster: "prod",
        task: "0123456789abcdef0123456789abcdef",
        container: "app",
        command: "/bin/sh",
      }),
    );
    const failure = failureOf(result);
    expect(failure.kind).toBe("unavailable");
    expect(failure.operation).toBe("ExecuteCommand");
    expect(describeFailure(failure)).toMatch(/the endpoint does not implement ExecuteCommand/);
    expect(ms).toBeLessThan(3_000);
    expect(proxy.count("ExecuteCommand")).toBe(1);

    const clusters = await gateway.listClusterArns();
    expect(clusters).toEqual({ ok: true, value: ["arn:aws:ecs:us-east-1:123456789012:cluster/prod"] });
  });
});

describe("SSM sessions on moto", () => {
  it("reports StartSession and TerminateSession as not implemented, each sent once", async () => {
    const gateway = new SsmGateway(connection.ssm);
    const { result, ms } = await timed(() =>
      gateway.startSession({
        target: "ecs:prod_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef-1234567890",
        documentName: "AWS-StartPortForwardingSession",
        parameters: { portNumber: ["8080"], localPortNumber: ["18080"] },
      }),
    );
    const started = failureOf(result);
    expect(started).toMatchObject({ kind: "unavailable", operation: "StartSession" });
    expect(started.message).toMatch(/does not implement StartSession/);
    expect(ms).toBeLessThan(3_000);

    const terminated = failureOf(await gateway.terminateSession("demo-0123456789abcdef0"));
    expect(terminated.message).toMatch(/does not implement TerminateSession/);
    expect(proxy.count("StartSession")).toBe(1);
    expect(proxy.count("TerminateSession")).toBe(1);
  });
});
