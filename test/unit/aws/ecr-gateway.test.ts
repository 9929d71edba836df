// The ECR gateway through the real SDK client against the simulated account: the demo's images by
// digest and by tag, their scans (critical findings, never scanned), and failures as values.
import { ECRClient } from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { EcrGateway, NOT_SCANNED } from "../../../source/aws/ecr-gateway.js";
import { parseImageReference } from "../../../source/aws/image-uri.js";
import { imageDigestOf } from "../../../source/sim/ecs/families.js";
import { createFakeClock, createSimulatedAccount, type SimOptions } from "../../../source/sim/index.js";

function setup(options: SimOptions = {}) {
  const clock = createFakeClock();
  const sim = createSimulatedAccount({ now: clock.now, throttle: false, ...options });
  const regions: string[] = [];
  const gateway = new EcrGateway((region) => {
    regions.push(region);
    return new ECRClient({
      region,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
  });
  return { sim, gateway, regions };
}

/** The image the demo's prod tasks of `family` run, as their task definition names it. */
function imageOf(sim: ReturnType<typeof setup>["sim"], family: string): string {
  const found = sim.world.families.get(family);
  if (!found) throw new Error(`no family ${family}`);
  const spec = found.containers.find((c) => c.role === "app")!;
  const revision = found.latestRevision;
  return `${spec.repository}:v${found.majorVersion}.${Math.floor(revision / 10)}.${revision % 10}`;
}

describe("EcrGateway on the simulated account", () => {
  it("describes an image by the digest a task reports: tags, size, push time, scan with critical findings", async () => {
    const { sim, gateway, regions } = setup();
    const image = imageOf(sim, "checkout");
    const result = await gateway.describeImage(parseImageReference(image), imageDigestOf(image));
    if (!result.ok) throw new Error(result.failure.message);
    const { detail, scan } = result.value;
    expect(detail.repositoryName).toBe("checkout");
    expect(detail.imageDigest).toBe(imageDigestOf(image));
    expect(detail.imageTags).toEqual([image.slice(image.lastIndexOf(":") + 1)]);
    expect(detail.imageSizeInBytes).toBeGreaterThan(1_000_000);
    expect(detail.imagePushedAt).toBeInstanceOf(Date);
    expect(scan.status).toBe("COMPLETE");
    expect(scan.severityCounts.CRITICAL).toBeGreaterThan(0);
    const total = Object.values(scan.severityCounts).reduce((a, b) => a + b, 0);
    expect(scan.findings).toHaveLength(Math.min(total, 50));
    expect(scan.findings?.[0]?.severity).toBe("CRITICAL");
    expect(regions).toEqual(["us-east-1"]);
  });

  it("finds an image by tag when no digest is known, and says when one was never scanned", async () => {
    const { sim, gateway } = setup();
    const image = imageOf(sim, "report-generator");
    const result = await gateway.describeImage(parseImageReference(image));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.value.detail.imageDigest).toBe(imageDigestOf(image));
    expect(result.value.scan).toEqual({ status: NOT_SCANNED, severityCounts: {}, findings: [] });
  });

  it("shows the scan's counts from DescribeImages when its findings are refused, and says why", async () => {
    const { sim, gateway } = setup({ deny: ["ecr:DescribeImageScanFindings"] });
    const image = imageOf(sim, "checkout");
    const result = await gateway.describeImage(parseImageReference(image), imageDigestOf(image));
    if (!result.ok) throw new Error(`${result.failure.code}: ${result.failure.message}`);
    const { scan } = result.value;
    expect(scan.status).toBe("COMPLETE");
    expect(scan.severityCounts.CRITICAL).toBeGreaterThan(0);
    expect(scan.completedAt).toBeInstanceOf(Date);
    expect(scan.findings).toEqual([]);
    expect(scan.findingsUnread).toContain("your identity needs permission for ecr:DescribeImageScanFindings");
  });

  it("uses the region in the image URI, not the session's", async () => {
    const { sim, gateway, regions } = setup();
    const image = imageOf(sim, "checkout").replace("us-east-1", "eu-central-1");
    await gateway.describeImage(parseImageReference(image));
    expect(regions).toEqual(["eu-central-1"]);
  });

  it("returns a missing tag, another account's repository and a denied read as failures", async () => {
    const { sim, gateway } = setup({ deny: ["ecr:DescribeImages"] });
    const denied = await gateway.describeImage(parseImageReference(`${imageOf(sim, "checkout")}`));
    expect(denied.ok || denied.failure).toMatchObject({
      kind: "denied",
      code: "AccessDeniedException",
      hint: "your identity needs permission for ecr:DescribeImages",
    });

    const open = setup();
    const missing = await open.gateway.describeImage(
      parseImageReference("123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:no-such-tag"),
    );
    expect(missing.ok || missing.failure).toMatchObject({
      kind: "not-found",
      code: "ImageNotFoundException",
    });
    const foreign = await open.gateway.describeImage(
      parseImageReference("840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod"),
    );
    expect(foreign.ok || foreign.failure).toMatchObject({
      kind: "not-found",
      code: "RepositoryNotFoundException",
      message: expect.stringContaining("registry with id '840364872350'"),
    });
  });

  it("refuses an image that is not in a private ECR registry without calling ECR", async () => {
    const { gateway, regions } = setup();
    const result = await gateway.describeImage(parseImageReference("clamav/clamav:1.3.1"));
    expect(result.ok).toBe(false);
    expect(regions).toEqual([]);
  });
});
