// The simulated Amazon ECR API (JSON 1.1, target prefix AmazonEC2ContainerRegistry_V20150921), as
// far as deckhand reads it: DescribeImages and DescribeImageScanFindings over the repositories the
// world's task definitions pull from (images.ts). Another account's registry answers
// RepositoryNotFoundException, as ECR does when nothing lets you read it. Not throttled.
import type {
  DescribeImageScanFindingsResponse,
  DescribeImagesResponse,
  ImageIdentifier,
} from "@aws-sdk/client-ecr";
import type { World } from "../ecs/world.js";
import { optionalInteger, optionalString } from "../input.js";
import { pageRequest, paginateByPosition } from "../pagination.js";
import { invalidParameter, SimError, type JsonObject } from "../protocol.js";
import type { SimulatedService } from "../request-handler.js";
import { worldOperations } from "../world-operations.js";
import { findingsOf, imageDetail, repositoryImages, type SimImage } from "./images.js";

export const ECR_TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921";

const PAGE_LIMITS = { defaultSize: 100, max: 1000 };

/** One page of a listing the AWS way (sim/pagination.ts), the items keyed by their position. */
function page<T>(items: readonly T[], input: JsonObject, scope: string): { items: T[]; nextToken?: string } {
  const maxResults = optionalInteger(input, "maxResults");
  const request = pageRequest(maxResults, optionalString(input, "nextToken"), scope, PAGE_LIMITS);
  const found = paginateByPosition(items, request, scope);
  return { items: found.items, ...(found.nextToken ? { nextToken: found.nextToken } : {}) };
}

const idText = (id: ImageIdentifier): string =>
  `{imageDigest:'${id.imageDigest ?? "null"}', imageTag:'${id.imageTag ?? "null"}'}`;

interface Target {
  registryId: string;
  repositoryName: string;
  images: SimImage[];
}

function target(world: World, input: JsonObject): Target {
  const repositoryName = optionalString(input, "repositoryName");
  if (!repositoryName) throw invalidParameter("repositoryName must not be empty.");
  const registryId = optionalString(input, "registryId") ?? world.accountId;
  const images = registryId === world.accountId ? repositoryImages(world, repositoryName) : undefined;
  if (images === undefined) {
    throw new SimError(
      "RepositoryNotFoundException",
      `The repository with name '${repositoryName}' does not exist in the registry with id '${registryId}'`,
    );
  }
  return { registryId, repositoryName, images };
}

function identifier(value: unknown): ImageIdentifier {
  if (typeof value !== "object" || value === null) throw invalidParameter("imageId must be an object.");
  const { imageDigest, imageTag } = value as ImageIdentifier;
  if (imageDigest === undefined && imageTag === undefined)
    throw invalidParameter("imageId must have an imageDigest or an imageTag.");
  return { ...(imageDigest ? { imageDigest } : {}), ...(imageTag ? { imageTag } : {}) };
}

function find(images: SimImage[], id: ImageIdentifier): SimImage | undefined {
  return images.find(
    (image) =>
      (id.imageDigest === undefined || image.digest === id.imageDigest) &&
      (id.imageTag === undefined || image.tags.includes(id.imageTag)),
  );
}

function imageNotFound(at: Target, id: ImageIdentifier): SimError {
  return new SimError(
    "ImageNotFoundException",
    `The image with imageId ${idText(id)} does not exist within the repository with name '${at.repositoryName}' in the registry with id '${at.registryId}'`,
  );
}

function describeImages(world: World, input: JsonObject): DescribeImagesResponse {
  const at = target(world, input);
  const ids = input.imageIds;
  if (ids !== undefined && ids !== null) {
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100)
      throw invalidParameter("imageIds must hold between 1 and 100 image IDs.");
    const found = ids.map(identifier).map((id) => {
      const image = find(at.images, id);
      if (!image) throw imageNotFound(at, id);
      return imageDetail(at.registryId, image);
    });
    return { imageDetails: found };
  }
  const shown = page(at.images, input, `DescribeImages|${at.registryId}/${at.repositoryName}`);
  return {
    imageDetails: shown.items.map((image) => imageDetail(at.registryId, image)),
    ...(shown.nextToken ? { nextToken: shown.nextToken } : {}),
  };
}

function describeImageScanFindings(world: World, input: JsonObject): DescribeImageScanFindingsResponse {
  const at = target(world, input);
  const id = identifier(input.imageId);
  const image = find(at.images, id);
  if (!image) throw imageNotFound(at, id);
  if (!image.scan) {
    throw new SimError(
      "ScanNotFoundException",
      `Image scan does not exist for the image with '${idText(id)}' in the repository with name '${at.repositoryName}' in the registry with id '${at.registryId}'`,
    );
  }
  const detail = imageDetail(at.registryId, image);
  const findings = findingsOf(image);
  const shown = page(findings, input, `DescribeImageScanFindings|${at.repositoryName}@${image.digest}`);
  return {
    registryId: at.registryId,
    repositoryName: at.repositoryName,
    imageId: { imageDigest: image.digest, ...(image.tags[0] ? { imageTag: image.tags[0] } : {}) },
    imageScanStatus: detail.imageScanStatus,
    imageScanFindings: {
      imageScanCompletedAt: detail.imageScanFindingsSummary?.imageScanCompletedAt,
      vulnerabilitySourceUpdatedAt: detail.imageScanFindingsSummary?.vulnerabilitySourceUpdatedAt,
      findingSeverityCounts: detail.imageScanFindingsSummary?.findingSeverityCounts,
      findings: shown.items,
    },
    ...(shown.nextToken ? { nextToken: shown.nextToken } : {}),
  };
}

export function createEcrService(world: World, now: () => number): SimulatedService {
  const operations = worldOperations(world, now, {
    DescribeImages: describeImages,
    DescribeImageScanFindings: describeImageScanFindings,
  });
  return {
    targetPrefix: ECR_TARGET_PREFIX,
    iamService: "ecr",
    resourceFor: (_operation, input) => {
      const registry = typeof input.registryId === "string" ? input.registryId : world.accountId;
      const repository = typeof input.repositoryName === "string" ? input.repositoryName : "*";
      return `arn:aws:ecr:${world.region}:${registry}:repository/${repository}`;
    },
    operations,
    throttleBucket: () => undefined,
  };
}
