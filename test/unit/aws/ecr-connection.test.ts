// Where the connection sends ECR calls: AWS_ENDPOINT_URL_ECR or --endpoint-url like the other
// services, signed for the region in the image URI rather than the session's.
import { afterEach, describe, expect, it, vi } from "vitest";
import { connect } from "../../../source/aws/connection.js";
import { EcrGateway } from "../../../source/aws/ecr-gateway.js";
import { parseImageReference } from "../../../source/aws/image-uri.js";
import { listenAws } from "../../helpers/loopback-aws.js";

const IMAGE = parseImageReference("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v1");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the connection's ECR clients", () => {
  it("follow AWS_ENDPOINT_URL_ECR and --endpoint-url, signed for the image's region", async () => {
    const server = await listenAws();
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
