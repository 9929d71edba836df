// Container instances and ECR images against moto_server over real HTTP: the SDK's serialisation
// and error shapes for ListContainerInstances / DescribeContainerInstances (instances registered
// on moto's EC2 instances) and for ECR DescribeImages / DescribeImageScanFindings, through the
// same gateways and view loads deckhand uses.
import {
  CreateRepositoryCommand,
  ECRClient,
  PutImageCommand,
  StartImageScanCommand,
} from "@aws-sdk/client-ecr";
import { CreateClusterCommand, RegisterContainerInstanceCommand, type ECSClient } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EcrGateway, NOT_SCANNED } from "../../source/aws/ecr-gateway.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { parseImageReference } from "../../source/aws/image-uri.js";
import { instanceKind, type InstanceRow } from "../../source/kinds/container-instance.js";
import { MOTO_CREDENTIALS, MOTO_REGION, motoEcsClient, startMoto, type MotoServer } from "../helpers/moto.js";
import { failureOf, value } from "../helpers/results.js";
import { loadContext } from "../helpers/load-context.js";

let moto: MotoServer;
let ecs: ECSClient;
let ecr: ECRClient;
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web";

beforeAll(async () => {
  moto = await startMoto();
  ecs = motoEcsClient(moto.endpoint);
  ecr = new ECRClient({
    endpoint: moto.endpoint,
    region: MOTO_REGION,
    credentials: MOTO_CREDENTIALS,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  ecs?.destroy();
  ecr?.destroy();
  await moto?.stop();
});

/** EC2 RunInstances through the query protocol (deckhand has no EC2 client): the new instance's ID. */
async function runInstance(instanceType: string): Promise<string> {
  const response = await fetch(`${moto.endpoint}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${MOTO_REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({
      Action: "RunInstances",
      Version: "2016-11-15",
      ImageId: "ami-12c6146b",
      MinCount: "1",
      MaxCount: "1",
      InstanceType: instanceType,
    }).toString(),
  });
  const id = /<instanceId>([^<]+)<\/instanceId>/.exec(await response.text())?.[1];
  if (!id) throw new Error(`RunInstances returned no instance (HTTP ${response.status})`);
  return id;
}

describe("container instances on moto", () => {
  it("lists and describes the instances registered to an EC2 cluster, with AZ and type", async () => {
    const created = await ecs.send(new CreateClusterCommand({ clusterName: "ec2-hosts" }));
    const cluster = created.cluster!.clusterArn!;
    const ids = [await runInstance("m5.large"), await runInstance("c5.xlarge")];
    for (const instanceId of ids) {
      await ecs.send(
        new RegisterContainerInstanceCommand({
          cluster: "ec2-hosts",
          instanceIdentityDocument: JSON.stringify({ instanceId }),
        }),
      );
    }
    const context = loadContext<InstanceRow>(new EcsGateway(ecs), {
      clusterArn: cluster,
      clusterName: "ec2-hosts",
    });
    const outcome = await instanceKind.load(context);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows.map((row) => row.instance.ec2InstanceId).sort()).toEqual([...ids].sort());
    const cell = (header: string, row: InstanceRow) =>
      instanceKind.columns.find((c) => c.header === header)!.value(row, Date.now());
    for (const row of outcome.rows) {
      expect(cell("AGENT", row)).toBe("connected");
      expect(cell("CPU USED", row)).toBe("0/4096 0%");
      expect(cell("AZ", row)).toMatch(/^us-east-1[a-f]$/);
      expect(cell("DOCKER", row)).toBe("1.5.0");
    }
    expect(outcome.rows.map((row) => cell("TYPE", row)).sort()).toEqual(["c5.xlarge", "m5.large"]);
  });

  it("says a cluster with no instances has none", async () => {
    const out = await ecs.send(new CreateClusterCommand({ clusterName: "no-hosts" }));
    const outcome = await instanceKind.load(
      loadContext(new EcsGateway(ecs), { clusterArn: out.cluster!.clusterArn!, clusterName: "no-hosts" }),
    );
    expect(outcome).toMatchObject({
      ok: true,
      rows: [],
      empty: expect.stringContaining("no container instances"),
    });
  });
});

describe("ECR images on moto", () => {
  it("describes an image by tag and by digest, before and after its scan", async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "web" }));
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.docker.distribution.manifest.v2+json",
      config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 7023, digest: "sha256:1" },
      layers: [],
    });
    await ecr.send(new PutImageCommand({ repositoryName: "web", imageManifest: manifest, imageTag: "v1" }));
    const gateway = new EcrGateway(() => ecr);

    const byTag = value(await gateway.describeImage(parseImageReference(`${IMAGE}:v1`)));
    expect(byTag.detail.imageTags).toEqual(["v1"]);
    expect(byTag.detail.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(byTag.scan.status).toBe(NOT_SCANNED);

    await ecr.send(new StartImageScanCommand({ repositoryName: "web", imageId: { imageTag: "v1" } }));
    const scanned = value(
      await gateway.describeImage(parseImageReference(`${IMAGE}:v1`), byTag.detail.imageDigest),
    );
    expect(scanned.detail.imageDigest).toBe(byTag.detail.imageDigest);
    expect(scanned.scan.status).toBe("COMPLETE");
    expect(scanned.scan.findings?.length).toBeGreaterThan(0);
  });

  it("returns a missing repository and a missing tag as not-found failures", async () => {
    const gateway = new EcrGateway(() => ecr);
    const repository = failureOf(await gateway.describeImage(parseImageReference(`${IMAGE}-gone:v1`)));
    expect(repository).toMatchObject({ kind: "not-found", code: "RepositoryNotFoundException" });
    const tag = failureOf(await gateway.describeImage(parseImageReference(`${IMAGE}:no-such-tag`)));
    expect(tag).toMatchObject({ kind: "not-found", code: "ImageNotFoundException" });
  });
});
