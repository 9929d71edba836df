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
import { SimError, type JsonObject } from "../protocol.js";
import type { Operation, SimulatedService } from "../request-handler.js";
import { findingsOf, imageDetail, repositoryImages, type SimImage } from "./images.js";

export const ECR_TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921";

const validation = (message: string): SimError => new SimError("InvalidParameterException", message);

function text(input: JsonObject, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw validation(`${member} must be a string.`);
  return value;
}

function pageSize(input: JsonObject, fallback: number, max: number): number {
  const value = input.maxResults;
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max)
    throw validation(`maxResults must be an integer between 1 and ${max}.`);
  return value;
}

/** Index tokens: "<operation>|<repository>|<offset>", so a token is refused by another listing. */
function offsetOf(input: JsonObject, scope: string): number {
  const token = text(input, "nextToken");
  if (token === undefined) return 0;
  const [tokenScope, offset] = [
    token.slice(0, token.lastIndexOf("|")),
    token.slice(token.lastIndexOf("|") + 1),
  ];
  if (tokenScope !== scope || !/^\d+$/.test(offset)) throw validation("Invalid NextToken.");
  return Number(offset);
}

const idText = (id: ImageIdentifier): string =>
  `{imageDigest:'${id.imageDigest ?? "null"}', imageTag:'${id.imageTag ?? "null"}'}`;

interface Target {
  registryId: string;
  repositoryName: string;
  images: SimImage[];
}

function target(world: World, input: JsonObject): Target {
  const repositoryName = text(input, "repositoryName");
  if (!repositoryName) throw validation("repositoryName must not be empty.");
  const registryId = text(input, "registryId") ?? world.accountId;
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
  if (typeof value !== "object" || value === null) throw validation("imageId must be an object.");
  const { imageDigest, imageTag } = value as ImageIdentifier;
  if (imageDigest === undefined && imageTag === undefined)
    throw validation("imageId must have an imageDigest or an imageTag.");
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
      throw validation("imageIds must hold between 1 and 100 image IDs.");
    const found = ids.map(identifier).map((id) => {
      const image = find(at.images, id);
      if (!image) throw imageNotFound(at, id);
      return imageDetail(at.registryId, image);
    });
    return { imageDetails: found };
  }
  const scope = `DescribeImages|${at.registryId}/${at.repositoryName}`;
  const offset = offsetOf(input, scope);
  const size = pageSize(input, 100, 1000);
  const page = at.images.slice(offset, offset + size);
  const next = offset + size < at.images.length ? `${scope}|${offset + size}` : undefined;
  return {
    imageDetails: page.map((image) => imageDetail(at.registryId, image)),
    ...(next ? { nextToken: next } : {}),
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
  const scope = `DescribeImageScanFindings|${at.repositoryName}@${image.digest}`;
  const offset = offsetOf(input, scope);
  const size = pageSize(input, 100, 1000);
  const next = offset + size < findings.length ? `${scope}|${offset + size}` : undefined;
  return {
    registryId: at.registryId,
    repositoryName: at.repositoryName,
    imageId: { imageDigest: image.digest, ...(image.tags[0] ? { imageTag: image.tags[0] } : {}) },
    imageScanStatus: detail.imageScanStatus,
    imageScanFindings: {
      imageScanCompletedAt: detail.imageScanFindingsSummary?.imageScanCompletedAt,
      vulnerabilitySourceUpdatedAt: detail.imageScanFindingsSummary?.vulnerabilitySourceUpdatedAt,
      findingSeverityCounts: detail.imageScanFindingsSummary?.findingSeverityCounts,
      findings: findings.slice(offset, offset + size),
    },
    ...(next ? { nextToken: next } : {}),
  };
}

export function createEcrService(world: World, now: () => number): SimulatedService {
  const operations: Record<string, Operation> = {
    DescribeImages: (input) => {
      world.advance(now());
      return describeImages(world, input);
    },
    DescribeImageScanFindings: (input) => {
      world.advance(now());
      return describeImageScanFindings(world, input);
    },
  };
  return {
    targetPrefix: ECR_TARGET_PREFIX,
    iamService: "ecr",
    resourceFor: (_operation, input) =>
      `arn:aws:ecr:${world.region}:${String(input.registryId ?? world.accountId)}:repository/${String(input.repositoryName ?? "*")}`,
    operations,
    throttleBucket: () => undefined,
  };
}
