// Image references as task definitions write them: which are private ECR (and in which account and
// region), and how the others are named.
import { describe, expect, it } from "vitest";
import { parseImageReference, registryName } from "../../../source/aws/image-uri.js";

const DIGEST = `sha256:${"ab12".repeat(16)}`;

describe("parseImageReference", () => {
  it("reads a private ECR image with a tag: account, region, repository, tag", () => {
    const ref = parseImageReference("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/checkout:v1.2.3");
    expect(ref).toMatchObject({
      registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
      repository: "team/checkout",
      tag: "v1.2.3",
      ecr: { registryId: "123456789012", region: "eu-west-1" },
    });
    expect(ref.digest).toBeUndefined();
    expect(registryName(ref)).toBe("Amazon ECR (123456789012, eu-west-1)");
  });

  it("reads a digest, alone or after a tag", () => {
    const pinned = parseImageReference(`123456789012.dkr.ecr.us-east-1.amazonaws.com/api@${DIGEST}`);
    expect(pinned).toMatchObject({ repository: "api", digest: DIGEST });
    expect(pinned.tag).toBeUndefined();
    const both = parseImageReference(`123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v2@${DIGEST}`);
    expect(both).toMatchObject({ repository: "api", tag: "v2", digest: DIGEST });
  });

  it("knows ECR in China and FIPS endpoints", () => {
    expect(parseImageReference("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/x:1").ecr).toEqual({
      registryId: "123456789012",
      region: "cn-north-1",
    });
    expect(parseImageReference("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/x").ecr?.region).toBe(
      "us-gov-west-1",
    );
  });

  it("names Docker Hub images, official and not, with or without a tag", () => {
    expect(parseImageReference("nginx")).toMatchObject({
      registry: "docker.io",
      repository: "library/nginx",
    });
    const clamav = parseImageReference("clamav/clamav:1.3.1");
    expect(clamav).toMatchObject({ registry: "docker.io", repository: "clamav/clamav", tag: "1.3.1" });
    expect(clamav.ecr).toBeUndefined();
    expect(registryName(clamav)).toBe("Docker Hub");
  });

  it("tells a registry port from a tag", () => {
    const local = parseImageReference("registry.internal:5000/team/app:2.0");
    expect(local).toMatchObject({ registry: "registry.internal:5000", repository: "team/app", tag: "2.0" });
    expect(registryName(local)).toBe("registry.internal:5000");
    expect(parseImageReference("localhost:5000/app")).toMatchObject({
      registry: "localhost:5000",
      repository: "app",
    });
    expect(parseImageReference("localhost:5000/app").tag).toBeUndefined();
  });

  it("names public registries, public ECR included, as not private ECR", () => {
    for (const [image, name] of [
      ["public.ecr.aws/nginx/nginx:1.27-alpine", "Amazon ECR Public (public.ecr.aws)"],
      ["ghcr.io/org/tool:main", "GitHub Container Registry (ghcr.io)"],
      ["quay.io/prometheus/node-exporter:v1.8.0", "Quay (quay.io)"],
    ] as const) {
      const ref = parseImageReference(image);
      expect(ref.ecr, image).toBeUndefined();
      expect(registryName(ref)).toBe(name);
    }
  });
});
