import { describe, expect, it } from "vitest";
import { classifyError, describeFailure } from "../../../source/aws/failure.js";

const awsError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("classifyError", () => {
  it.each([
    ["ThrottlingException", "Rate exceeded", "throttled"],
    ["AccessDeniedException", "User is not authorized to perform: ecs:ListClusters", "denied"],
    ["ClusterNotFoundException", "Cluster not found.", "not-found"],
    ["InvalidParameterException", "service names can have at most 10 items.", "invalid"],
    ["ExpiredTokenException", "The security token included in the request is expired", "credentials"],
    ["CredentialsProviderError", "Could not load credentials from any providers", "credentials"],
  ])("%s is %s", (name, message, kind) => {
    expect(classifyError("ListClusters", awsError(name, message)).kind).toBe(kind);
  });

  it("names the missing permission in the service's own IAM prefix (ECS unless told)", () => {
    const denied = awsError("AccessDenied", "User is not authorized");
    expect(classifyError("ListClusters", denied).hint).toBe(
      "your identity needs permission for ecs:ListClusters",
    );
    expect(classifyError("DescribeTargetHealth", denied, "elasticloadbalancing").hint).toBe(
      "your identity needs permission for elasticloadbalancing:DescribeTargetHealth",
    );
  });

  it("treats HTTP 5xx without a known code as unavailable", () => {
    const failure = classifyError("ExecuteCommand", awsError("UnknownError", "Internal Server Error", 500));
    expect(failure.kind).toBe("unavailable");
  });

  it("recognises network errors by their code", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(classifyError("ListClusters", error).kind).toBe("network");
  });

  it("suggests --demo and aws configure when there are no credentials", () => {
    const failure = classifyError(
      "ListClusters",
      awsError("CredentialsProviderError", "Could not load credentials"),
    );
    expect(describeFailure(failure)).toMatch(/--demo.*aws configure.*aws sso login/);
  });

  it("flattens multi-line messages to one line", () => {
    const failure = classifyError("ListClusters", awsError("Boom", "line one\n  line two"));
    expect(failure.message).toBe("line one line two");
  });
});
