// The simulated ECR API through the real SDK client: a repository's images paged newest first,
// scan findings paged most severe first, never-scanned images, and AWS's errors.
import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  ECRClient,
  type ImageDetail,
  type ImageScanFinding,
} from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { createFakeClock, createSimulatedAccount } from "../../../source/sim/index.js";
import { KEPT_REVISIONS } from "../../../source/sim/ecr/images.js";
import { failure } from "../../helpers/sim-logs-client.js";

function setup() {
  const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
  const ecr = new ECRClient({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    maxAttempts: 1,
  });
  return { sim, ecr };
}

describe("simulated ECR", () => {
  it("pages a repository's images newest first, each digest once, the last revisions kept", async () => {
    const { ecr } = setup();
    const images: ImageDetail[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const out = await ecr.send(
        new DescribeImagesCommand({ repositoryName: "image-resizer", maxResults: 7, nextToken }),
      );
      images.push(...(out.imageDetails ?? []));
      nextToken = out.nextToken;
      pages++;
    } while (nextToken);
    expect(images).toHaveLength(KEPT_REVISIONS);
    expect(pages).toBe(Math.ceil(KEPT_REVISIONS / 7));
    expect(new Set(images.map((i) => i.imageDigest)).size).toBe(images.length);
    const pushed = images.map((i) => i.imagePushedAt!.getTime());
    expect(pushed).toEqual([...pushed].sort((a, b) => b - a));
    expect(images.every((i) => (i.imageScanFindingsSummary?.findingSeverityCounts?.CRITICAL ?? 0) > 0)).toBe(
      true,
    );
  });

  it("pages scan findings, most severe first, as many as the summary counts", async () => {
    const { ecr } = setup();
    const [image] = (await ecr.send(new DescribeImagesCommand({ repositoryName: "checkout", maxResults: 1 })))
      .imageDetails!;
    const counts = image!.imageScanFindingsSummary!.findingSeverityCounts!;
    const findings: ImageScanFinding[] = [];
    let nextToken: string | undefined;
    do {
      const out = await ecr.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: "checkout",
          imageId: { imageDigest: image!.imageDigest },
          maxResults: 5,
          nextToken,
        }),
      );
      expect(out.imageScanStatus?.status).toBe("COMPLETE");
      findings.push(...(out.imageScanFindings?.findings ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    expect(findings).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
    const order = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
    const ranks = findings.map((f) => order.indexOf(f.severity!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0]).toMatchObject({
      severity: "CRITICAL",
      name: expect.stringMatching(/^CVE-\d{4}-\d+$/),
    });
  });

  it("answers AWS's errors: never scanned, no such image, no such repository, a foreign token", async () => {
    const { ecr } = setup();
    const [image] = (await ecr.send(new DescribeImagesCommand({ repositoryName: "report-generator" })))
      .imageDetails!;
    expect(image!.imageScanStatus).toBeUndefined();
    const unscanned = await failure(
      ecr.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: "report-generator",
          imageId: { imageDigest: image!.imageDigest },
        }),
      ),
    );
    expect(unscanned.name).toBe("ScanNotFoundException");
    expect(unscanned.message).toMatch(/^Image scan does not exist for the image with/);

    const missing = await failure(
      ecr.send(new DescribeImagesCommand({ repositoryName: "checkout", imageIds: [{ imageTag: "nope" }] })),
    );
    expect(missing.name).toBe("ImageNotFoundException");
    const repository = await failure(ecr.send(new DescribeImagesCommand({ repositoryName: "nginx" })));
    expect(repository.name).toBe("RepositoryNotFoundException");
    expect(repository.message).toBe(
      "The repository with name 'nginx' does not exist in the registry with id '123456789012'",
    );
    const page = await ecr.send(new DescribeImagesCommand({ repositoryName: "checkout", maxResults: 1 }));
    const foreign = await failure(
      ecr.send(new DescribeImagesCommand({ repositoryName: "cart", nextToken: page.nextToken })),
    );
    expect(foreign.name).toBe("InvalidParameterException");
  });
});
