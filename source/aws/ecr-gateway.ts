// Amazon ECR, for the image a container runs: DescribeImages (tags, digest, size, push time, the
// scan summary) and DescribeImageScanFindings (the scan's status and its worst findings). Reads
// only. The registry's region comes from the image URI, which can differ from the cluster's, so
// the connection hands out one client per region. The SDK package is imported on the first
// lookup (like SSM's): most sessions never look at an image. See docs/aws.md, "ECR".
import type {
  DescribeImageScanFindingsResponse,
  ECRClient,
  ImageDetail,
  ImageIdentifier,
} from "@aws-sdk/client-ecr";
import { classifyError, describeFailure, fail, ok, type AwsFailure, type Result } from "./failure.js";
import type { ImageReference } from "./image-uri.js";

/** How many findings `d` shows: the scan's summary counts them all. */
export const FINDINGS_SHOWN = 50;

export interface ScanFindings {
  /** COMPLETE, IN_PROGRESS, FAILED, …, or NOT_SCANNED when the image was never scanned. */
  status: string;
  description?: string;
  completedAt?: Date;
  /** Counts by severity (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED). */
  severityCounts: Record<string, number>;
  /** The first findings ECR returns (most severe first for basic scanning). */
  findings: NonNullable<DescribeImageScanFindingsResponse["imageScanFindings"]>["findings"];
  /** Why `findings` is empty although the counts are not: DescribeImageScanFindings was refused. */
  findingsUnread?: string;
}

export interface EcrImage {
  detail: ImageDetail;
  scan: ScanFindings;
}

export const NOT_SCANNED = "NOT_SCANNED";

export class EcrGateway {
  constructor(private readonly clientFor: (region: string) => Pick<ECRClient, "send">) {}

  /**
   * The image a reference names in its ECR repository: by digest when one is known (what the
   * task actually pulled; a tag may have moved since), else by tag ("latest" when none).
   */
  async describeImage(reference: ImageReference, digest?: string): Promise<Result<EcrImage>> {
    const { ecr } = reference;
    if (!ecr) {
      return fail({
        kind: "invalid",
        operation: "DescribeImages",
        code: "NotEcr",
        message: `${reference.image} is not in a private ECR registry`,
      });
    }
    const client = this.clientFor(ecr.region);
    const pinned = digest ?? reference.digest;
    const imageId: ImageIdentifier = pinned
      ? { imageDigest: pinned }
      : { imageTag: reference.tag ?? "latest" };
    const target = { registryId: ecr.registryId, repositoryName: reference.repository };
    let detail: ImageDetail | undefined;
    try {
      const { DescribeImagesCommand } = await import("@aws-sdk/client-ecr");
      const out = await client.send(new DescribeImagesCommand({ ...target, imageIds: [imageId] }));
      detail = out.imageDetails?.[0];
    } catch (error) {
      return fail(failure("DescribeImages", error));
    }
    if (!detail) {
      return fail({
        kind: "not-found",
        operation: "DescribeImages",
        code: "ImageNotFoundException",
        message: `no image ${imageId.imageDigest ?? imageId.imageTag} in ${reference.repository}`,
      });
    }
    const scan = await this.scanFindings(client, target, { imageDigest: detail.imageDigest ?? pinned });
    if (scan.ok) return ok({ detail, scan: scan.value });
    if (scan.failure.kind !== "denied") return scan;
    // DescribeImages already says the scan's status and counts; only the findings need the other call.
    return ok({ detail, scan: { ...scanSummary(detail), findingsUnread: describeFailure(scan.failure) } });
  }

  private async scanFindings(
    client: Pick<ECRClient, "send">,
    target: { registryId: string; repositoryName: string },
    imageId: ImageIdentifier,
  ): Promise<Result<ScanFindings>> {
    try {
      const { DescribeImageScanFindingsCommand } = await import("@aws-sdk/client-ecr");
      const out = await client.send(
        new DescribeImageScanFindingsCommand({ ...target, imageId, maxResults: FINDINGS_SHOWN }),
      );
      const findings = out.imageScanFindings;
      return ok({
        status: out.imageScanStatus?.status ?? NOT_SCANNED,
        ...(out.imageScanStatus?.description ? { description: out.imageScanStatus.description } : {}),
        ...(findings?.imageScanCompletedAt ? { completedAt: findings.imageScanCompletedAt } : {}),
        severityCounts: findings?.findingSeverityCounts ?? {},
        findings: findings?.findings ?? [],
      });
    } catch (error) {
      const classified = failure("DescribeImageScanFindings", error);
      // Never scanned is an answer, not a failure.
      if (classified.code === "ScanNotFoundException")
        return ok({ status: NOT_SCANNED, severityCounts: {}, findings: [] });
      return fail(classified);
    }
  }
}

function scanSummary(detail: ImageDetail): ScanFindings {
  const summary = detail.imageScanFindingsSummary;
  return {
    status: detail.imageScanStatus?.status ?? NOT_SCANNED,
    ...(detail.imageScanStatus?.description ? { description: detail.imageScanStatus.description } : {}),
    ...(summary?.imageScanCompletedAt ? { completedAt: summary.imageScanCompletedAt } : {}),
    severityCounts: summary?.findingSeverityCounts ?? {},
    findings: [],
  };
}

const NOT_FOUND = new Set(["RepositoryNotFoundException", "ImageNotFoundException"]);

function failure(operation: string, error: unknown): AwsFailure {
  const classified = classifyError(operation, error, "ecr");
  return NOT_FOUND.has(classified.code) ? { ...classified, kind: "not-found" } : classified;
}
