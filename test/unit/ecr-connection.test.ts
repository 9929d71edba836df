// Where the connection sends ECR calls: AWS_ENDPOINT_URL_ECR or --endpoint-url like the other
// services, signed for the region in the image URI rather than the session's.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connect } from "../../source/aws/connection.js";
import { EcrGateway } from "../../source/aws/ecr-gateway.js";
import { parseImageReference } from "../../source/aws/image-uri.js";

interface Seen {
  target: string;
  region: string | undefined;
}

/** A loopback server that answers every call with `{}`, noting its target and signing region. */
async function listen(): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    const scope = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(request.headers.authorization));
    seen.push({ target: String(request.headers["x-amz-target"]), region: scope?.[1] });
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const IMAGE = parseImageReference("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v1");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the connection's ECR clients", () => {
  it("follow AWS_ENDPOINT_URL_ECR and --endpoint-url, signed for the image's region", async () => {
    const server = await listen();
    try {
      vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDENV");
      vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-env");
      vi.stubEnv("AWS_PROFILE", undefined);
      vi.stubEnv("AWS_ENDPOINT_URL_ECR", server.url);
      const configured = await connect({ region: "us-east-1", env: { AWS_ENDPOINT_URL_ECR: server.url } });
      const found = await new EcrGateway(configured.ecrIn).describeImage(IMAGE);
      // The server knows no image: what matters is that the call reached it.
      expect(found.ok || found.failure.code).toBe("ImageNotFoundException");
      vi.stubEnv("AWS_ENDPOINT_URL_ECR", undefined);

      const flag = await connect({ region: "us-east-1", endpointUrl: server.url, env: {} });
      await new EcrGateway(flag.ecrIn).describeImage(IMAGE);
      expect(server.seen).toEqual([
        { target: "AmazonEC2ContainerRegistry_V20150921.DescribeImages", region: "eu-west-1" },
        { target: "AmazonEC2ContainerRegistry_V20150921.DescribeImages", region: "eu-west-1" },
      ]);
    } finally {
      await server.close();
    }
  });
});
