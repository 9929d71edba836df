// The demo account's private ECR repositories, derived from the world: every container image of
// ours (<account>.dkr.ecr.<region>.amazonaws.com/<app>) in every revision its family has had, with
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

/** The images of every repository in the world's own registry, by repository name. */
export function registryImages(world: World): Map<string, SimImage[]> {
  const prefix = `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/`;
  const byDigest = new Map<string, SimImage>();
  for (const family of world.families.values()) {
    for (const spec of family.containers) {
      if (!spec.repository.startsWith(prefix)) continue;
      const repositoryName = spec.repository.slice(prefix.length);
      for (let revision = 1; revision <= family.latestRevision; revision++) {
        const image = imageFor(family, spec, revision);
        const digest = imageDigestOf(image);
        const tag = image.slice(image.lastIndexOf(":") + 1);
        const pushedAt = registeredAt(family, revision) - 10 * MINUTE;
        const known = byDigest.get(digest);
        if (known) {
          known.pushedAt = Math.min(known.pushedAt, pushedAt);
          continue;
        }
        byDigest.set(digest, {
          repositoryName,
          digest,
          tags: [tag],
          sizeInBytes: 40_000_000 + (hashSeed(1, digest) % 560_000_000),
          pushedAt,
          scan: undefined,
        });
      }
    }
  }
  const repositories = new Map<string, SimImage[]>();
  for (const image of byDigest.values()) {
    image.scan = scanOf(image);
    const list = repositories.get(image.repositoryName) ?? [];
    list.push(image);
    repositories.set(image.repositoryName, list);
  }
  for (const list of repositories.values()) list.sort((a, b) => b.pushedAt - a.pushedAt);
  return repositories;
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
