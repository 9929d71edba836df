// The image a container runs (`i` on a container). In a private ECR registry: its tags, digest,
// size, push time and vulnerability scan (status and counts by severity), read from ECR in the
// registry's own region. Elsewhere (Docker Hub, ghcr.io, public.ecr.aws, quay.io…): the table says
// where the image comes from and that deckhand cannot inspect it.
import { onlyOne, type AwsFailure } from "../aws/failure.js";
import { NOT_SCANNED, type EcrImage } from "../aws/ecr-gateway.js";
import { parseImageReference, registryName, type ImageReference } from "../aws/image-uri.js";
import { ecrRepositoryPage } from "./console-pages.js";
import { ageOrder, formatAge, orDash } from "./format.js";
import type { Reference } from "./references.js";
import type { ResourceKind, Tone } from "./types.js";
import { resourceName } from "../core/arn.js";

export interface ImageRow {
  key: string;
  reference: ImageReference;
  image: EcrImage;
}

/** Images change rarely; their scan a little more often. Re-read at most this often (ctrl-r: now). */
export const IMAGE_REFRESH_MS = 60_000;

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

const severity = (row: ImageRow, name: string): number => row.image.scan.severityCounts[name] ?? 0;

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? "-" : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function scanText(row: ImageRow): string {
  const { status } = row.image.scan;
  return status === NOT_SCANNED ? "never scanned" : status;
}

function scanTone(row: ImageRow): Tone | undefined {
  const { status } = row.image.scan;
  if (status === "COMPLETE" || status === "ACTIVE") return "ok";
  if (status === "IN_PROGRESS" || status === "PENDING") return "progress";
  if (status === NOT_SCANNED) return "muted";
  return "bad";
}

const COUNT_TONE: Record<(typeof SEVERITIES)[number], Tone | undefined> = {
  CRITICAL: "bad",
  HIGH: "warn",
  MEDIUM: undefined,
  LOW: undefined,
};

/** The worst findings are what a narrow screen keeps. */
const SEVERITY_PRIORITY: Record<(typeof SEVERITIES)[number], number> = {
  CRITICAL: 2,
  HIGH: 3,
  MEDIUM: 4,
  LOW: 4,
};

const SEVERITY_KEYS: Record<(typeof SEVERITIES)[number], string> = {
  CRITICAL: "K",
  HIGH: "H",
  MEDIUM: "M",
  LOW: "L",
};

/** What the table says for an image deckhand cannot read. */
export function notInspectable(reference: ImageReference): string {
  return `${reference.image} comes from ${registryName(reference)}: deckhand can inspect only images in private Amazon ECR registries`;
}

const failure = (code: string, message: string): AwsFailure => ({
  kind: "not-found",
  operation: "DescribeTasks",
  code,
  message,
});

/** An image's key is "<registry>/<repository>@<digest>": what `docker pull` takes, and the digest. */
function imageReferences(key: string): Reference[] {
  const digest = parseImageReference(key).digest;
  return digest
    ? [
        { label: "image", value: key },
        { label: "digest", value: digest },
      ]
    : [{ label: "image", value: key }];
}

declare module "./types.js" {
  interface KindIds {
    images: true;
  }
}

export const imageKind: ResourceKind<ImageRow> = {
  id: "images",
  title: (scope) => `image(${scope.containerName ?? ""})`,
  crumb: () => "image",
  key: (row) => row.key,
  columns: [
    { header: "REPOSITORY", priority: 1, value: (r) => r.reference.repository, sortKey: "R" },
    {
      header: "TAGS",
      priority: 2,
      value: (r) => orDash((r.image.detail.imageTags ?? []).join(",")),
      flexible: true,
      sortKey: "T",
    },
    {
      header: "DIGEST",
      priority: 3,
      value: (r) => orDash(r.image.detail.imageDigest?.replace(/^sha256:/, "").slice(0, 12)),
      sortKey: "D",
    },
    {
      header: "SIZE",
      priority: 4,
      value: (r) => megabytes(r.image.detail.imageSizeInBytes),
      sortValue: (r) => r.image.detail.imageSizeInBytes,
      align: "right",
      sortKey: "S",
    },
    {
      header: "PUSHED",
      priority: 4,
      value: (r, now) => formatAge(r.image.detail.imagePushedAt, now),
      sortValue: (r) => ageOrder(r.image.detail.imagePushedAt),
      align: "right",
      sortKey: "U",
    },
    { header: "SCAN", priority: 2, value: scanText, tone: scanTone, sortKey: "C" },
    ...SEVERITIES.map((name) => ({
      header: name,
      priority: SEVERITY_PRIORITY[name],
      value: (r: ImageRow) => (r.image.scan.status === NOT_SCANNED ? "-" : String(severity(r, name))),
      sortValue: (r: ImageRow) => severity(r, name),
      tone: (r: ImageRow) => (severity(r, name) > 0 ? COUNT_TONE[name] : undefined),
      align: "right" as const,
      sortKey: SEVERITY_KEYS[name],
    })),
    {
      header: "REGISTRY",
      priority: 5,
      value: (r) => registryName(r.reference),
      sortKey: "Y",
      wide: true,
    },
  ],
  filterText: (r) => `${r.reference.repository} ${(r.image.detail.imageTags ?? []).join(" ")} ${scanText(r)}`,
  describe: (r) => ({ image: r.image.detail, scan: r.image.scan }),
  references: imageReferences,
  // The repository's page: the image view shows one image.
  consoleUrl: (key, scope) => ecrRepositoryPage(scope.clusterArn, key),
  async load({ gateway, ecr, scope, previous, memo, forced, now }) {
    if (previous && previous.length > 0 && !forced && now - (memo.loadedAt ?? 0) < IMAGE_REFRESH_MS) {
      return { ok: true, rows: [...previous] };
    }
    const described = onlyOne(
      await gateway.describeTasks(scope.clusterArn ?? "", [scope.taskArn ?? ""]),
      "DescribeTasks",
      "task",
    );
    if (!described.ok) return described;
    const container = described.value.containers?.find((c) => c.name === scope.containerName);
    if (!container?.image) {
      const what = `container ${scope.containerName ?? ""} of task ${resourceName(scope.taskArn)}`;
      return { ok: false, failure: failure("MISSING", `${what} has no image`) };
    }
    const reference = parseImageReference(container.image);
    if (!reference.ecr) return { ok: true, rows: [], empty: notInspectable(reference) };
    if (!ecr) {
      return {
        ok: false,
        failure: {
          kind: "unavailable",
          operation: "DescribeImages",
          code: "NoEcr",
          message: "this session cannot reach Amazon ECR",
        },
      };
    }
    const image = await ecr.describeImage(reference, container.imageDigest);
    if (!image.ok) return image;
    memo.loadedAt = now;
    // The image pinned to its digest: what `c` copies, and how `o` finds its repository.
    const digest = image.value.detail.imageDigest;
    const key = digest ? `${reference.registry}/${reference.repository}@${digest}` : reference.image;
    return { ok: true, rows: [{ key, reference, image: image.value }] };
  },
};
