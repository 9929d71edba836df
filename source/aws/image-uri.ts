// Where a container image comes from, read from its reference as a task definition names it:
// "<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>" (or "@sha256:…") is a private ECR
// repository deckhand can describe; anything else (Docker Hub, ghcr.io, public.ecr.aws, quay.io, a
// registry on a port) is named, not inspected.

export interface ImageReference {
  /** The reference as written. */
  image: string;
  /** The registry host ("docker.io" when the reference names none), with its port if any. */
  registry: string;
  /** The repository path inside the registry ("library/nginx" for a bare "nginx" on Docker Hub). */
  repository: string;
  tag?: string;
  /** "sha256:…" when the reference pins a digest. */
  digest?: string;
  /** Set when the image lives in a private ECR registry. */
  ecr?: { registryId: string; region: string };
}

/** Human names for the registries people run images from. */
const KNOWN_REGISTRIES: Record<string, string> = {
  "docker.io": "Docker Hub",
  "registry-1.docker.io": "Docker Hub",
  "index.docker.io": "Docker Hub",
  "ghcr.io": "GitHub Container Registry (ghcr.io)",
  "public.ecr.aws": "Amazon ECR Public (public.ecr.aws)",
  "quay.io": "Quay (quay.io)",
  "gcr.io": "Google Container Registry (gcr.io)",
  "mcr.microsoft.com": "Microsoft Container Registry (mcr.microsoft.com)",
  "registry.gitlab.com": "GitLab Container Registry (registry.gitlab.com)",
};

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

export function parseImageReference(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // The first path element is a registry when it has a dot or a port, or is "localhost" (Docker's rule).
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasRegistry ? first : "docker.io";
  let path = hasRegistry ? rest.slice(slash + 1) : rest;
  let tag: string | undefined;
  const colon = path.lastIndexOf(":");
  if (colon >= 0 && !path.slice(colon).includes("/")) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (registry === "docker.io" && path !== "" && !path.includes("/")) path = `library/${path}`;
  const reference: ImageReference = { image, registry, repository: path };
  if (tag) reference.tag = tag;
  if (digest) reference.digest = digest;
  const ecr = ECR_HOST.exec(registry);
  if (ecr) reference.ecr = { registryId: ecr[1]!, region: ecr[2]! };
  return reference;
}

/** "Docker Hub", "Amazon ECR (123456789012, us-east-1)", or the registry host itself. */
export function registryName(reference: ImageReference): string {
  if (reference.ecr) return `Amazon ECR (${reference.ecr.registryId}, ${reference.ecr.region})`;
  return KNOWN_REGISTRIES[reference.registry] ?? reference.registry;
}
