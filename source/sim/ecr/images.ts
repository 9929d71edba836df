// The demo account's private ECR repositories, derived from the world: every container image of
// ours (<account>.dkr.ecr.<region>.amazonaws.com/<app>) in the last revisions of its family, with
// the digest the tasks report, a size, a push time just before the revision was registered, and a
// vulnerability scan. Two repositories carry critical findings and one was never scanned, so the
// demo shows every state.
import type { ImageDetail, ImageScanFinding } from "@aws-sdk/client-ecr";
import { hashHex, hashSeed } from "../random.js";
import { imageDigestOf, imageFor, registeredAt } from "../ecs/families.js";
import type { World } from "../ecs/world.js";
import { MINUTE } from "../ecs/time.js";

/** Repositories whose images have critical findings, and the one that was never scanned. */
export const CRITICAL_REPOSITORIES: readonly string[] = ["checkout", "image-resizer"];
export const UNSCANNED_REPOSITORIES: readonly string[] = ["report-generator"];

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
type Severity = (typeof SEVERITIES)[number];

export interface SimImage {
  repositoryName: string;
  digest: string;
  tags: string[];
  sizeInBytes: number;
  pushedAt: number;
  /** Undefined when the image was never scanned. */
  scan: { completedAt: number; counts: Record<Severity, number> } | undefined;
}

/** ECR lifecycle policies expire old images: each family keeps its last revisions' images. */
export const KEPT_REVISIONS = 30;

const cache = new WeakMap<World, Map<string, { version: string; images: SimImage[] }>>();

/**
 * The images of one repository of the world's own registry, newest push first, or undefined when
 * no task definition pulls from it. Built from the families that use it, and cached until one of
 * them registers a revision.
 */
export function repositoryImages(world: World, repositoryName: string): SimImage[] | undefined {
  const repository = `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/${repositoryName}`;
  const users = [...world.families.values()].flatMap((family) =>
    family.containers.filter((spec) => spec.repository === repository).map((spec) => ({ family, spec })),
  );
  if (users.length === 0) return undefined;
  const version = users.map(({ family }) => `${family.name}:${family.latestRevision}`).join(",");
  let byRepository = cache.get(world);
  if (!byRepository)
    cache.set(world, (byRepository = new Map<string, { version: string; images: SimImage[] }>()));
  const cached = byRepository.get(repositoryName);
  if (cached?.version === version) return cached.images;
  const byDigest = new Map<string, SimImage>();
  for (const { family, spec } of users) {
    const oldest = Math.max(1, family.latestRevision - KEPT_REVISIONS + 1);
    for (let revision = oldest; revision <= family.latestRevision; revision++) {
      const image = imageFor(family, spec, revision);
      const digest = imageDigestOf(image);
      const pushedAt = registeredAt(family, revision) - 10 * MINUTE;
      const known = byDigest.get(digest);
      if (known) {
        known.pushedAt = Math.min(known.pushedAt, pushedAt);
        continue;
      }
      byDigest.set(digest, {
        repositoryName,
        digest,
        tags: [image.slice(image.lastIndexOf(":") + 1)],
        sizeInBytes: 40_000_000 + (hashSeed(1, digest) % 560_000_000),
        pushedAt,
        scan: undefined,
      });
    }
  }
  const images = [...byDigest.values()].sort((a, b) => b.pushedAt - a.pushedAt);
  for (const image of images) image.scan = scanOf(image);
  byRepository.set(repositoryName, { version, images });
  return images;
}

function scanOf(image: SimImage): SimImage["scan"] {
  if (UNSCANNED_REPOSITORIES.includes(image.repositoryName)) return undefined;
  const roll = (round: number, max: number): number => hashSeed(round, image.digest) % (max + 1);
  const critical = CRITICAL_REPOSITORIES.includes(image.repositoryName);
  return {
    completedAt: image.pushedAt + 2 * MINUTE,
    counts: {
      CRITICAL: critical ? 1 + roll(2, 2) : 0,
      HIGH: (critical ? 3 : 0) + roll(3, 3),
      MEDIUM: roll(4, 9),
      LOW: roll(5, 12),
    },
  };
}

const PACKAGES = ["openssl", "glibc", "zlib", "curl", "libxml2", "busybox", "expat", "ncurses", "sqlite"];

/** The findings of a scan, most severe first, as basic scanning lists them. */
export function findingsOf(image: SimImage): ImageScanFinding[] {
  if (!image.scan) return [];
  const findings: ImageScanFinding[] = [];
  for (const severity of SEVERITIES) {
    for (let i = 0; i < image.scan.counts[severity]; i++) {
      const seed = hashHex(`${image.digest}/${severity}/${i}`, 8);
      const id = `CVE-202${parseInt(seed.slice(0, 1), 16) % 5}-${1000 + (parseInt(seed.slice(1, 5), 16) % 9000)}`;
      const pkg = PACKAGES[parseInt(seed.slice(5, 7), 16) % PACKAGES.length] ?? "openssl";
      findings.push({
        name: id,
        uri: `https://security-tracker.debian.org/tracker/${id}`,
        severity,
        description: `A flaw in ${pkg} (${severity.toLowerCase()} severity) in the demo image.`,
        attributes: [
          { key: "package_name", value: pkg },
          { key: "package_version", value: `1.${parseInt(seed.slice(7, 8), 16)}.0-1` },
        ],
      });
    }
  }
  return findings;
}

export function imageDetail(registryId: string, image: SimImage): ImageDetail {
  const detail: ImageDetail = {
    registryId,
    repositoryName: image.repositoryName,
    imageDigest: image.digest,
    imageTags: [...image.tags],
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: new Date(image.pushedAt),
    imageManifestMediaType: "application/vnd.docker.distribution.manifest.v2+json",
    artifactMediaType: "application/vnd.docker.container.image.v1+json",
  };
  if (image.scan) {
    detail.imageScanStatus = { status: "COMPLETE", description: "The scan was completed successfully." };
    detail.imageScanFindingsSummary = {
      imageScanCompletedAt: new Date(image.scan.completedAt),
      vulnerabilitySourceUpdatedAt: new Date(image.scan.completedAt - 60 * MINUTE),
      findingSeverityCounts: Object.fromEntries(
        SEVERITIES.filter((s) => image.scan!.counts[s] > 0).map((s) => [s, image.scan!.counts[s]]),
      ),
    };
  }
  return detail;
}
