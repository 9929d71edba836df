import { describe, expect, it } from "vitest";
import {
  accountOf,
  arnParts,
  familyRevision,
  resourceName,
  shortTaskId,
  taskDefinitionRevision,
} from "../../../source/core/arn.js";

describe("resourceName", () => {
  it("takes the resource name or id from an ARN", () => {
    expect(resourceName("arn:aws:ecs:us-east-1:123:service/prod/checkout")).toBe("checkout");
    expect(resourceName("arn:aws:ecs:us-east-1:123:cluster/prod")).toBe("prod");
    expect(resourceName("arn:aws:ecs:us-east-1:123456789012:task/prod/0a1b2c3d4e")).toBe("0a1b2c3d4e");
    expect(resourceName("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3")).toBe("web:3");
  });

  it("takes what follows the last colon of an ARN that has no slash", () => {
    expect(resourceName("arn:aws:sns:us-east-1:123456789012:deploys")).toBe("deploys");
  });

  it("returns a name as it is, colons and all, and nothing for nothing", () => {
    expect(resourceName("prod")).toBe("prod");
    expect(resourceName("web:3")).toBe("web:3");
    expect(resourceName("nginx:latest")).toBe("nginx:latest");
    expect(resourceName("")).toBe("");
    expect(resourceName(undefined)).toBe("");
  });
});

describe("task definition revisions", () => {
  it("splits a family from its revision, from a name or an ARN", () => {
    expect(familyRevision("web:3")).toEqual({ family: "web", revision: 3 });
    expect(familyRevision("arn:aws:ecs:us-east-1:123:task-definition/checkout:42")).toEqual({
      family: "checkout",
      revision: 42,
    });
    expect(familyRevision("web")).toEqual({ family: "web", revision: 0 });
  });

  it("shows the revision as a table cell, empty when there is none", () => {
    expect(taskDefinitionRevision("arn:aws:ecs:us-east-1:123:task-definition/checkout:42")).toBe("42");
    expect(taskDefinitionRevision("web")).toBe("");
    expect(taskDefinitionRevision(undefined)).toBe("");
  });
});

describe("ARN fields", () => {
  it("reads the partition, region and account", () => {
    expect(arnParts("arn:aws-cn:ecs:cn-north-1:123456789012:task/prod/abc")).toEqual({
      partition: "aws-cn",
      region: "cn-north-1",
      account: "123456789012",
    });
    expect(arnParts("web:3")).toBeUndefined();
    expect(arnParts("arn:aws:iam::123456789012:role/deploy")).toBeUndefined();
  });

  it("takes the account only when it is a 12-digit account ID", () => {
    expect(accountOf("arn:aws:ecs:us-east-1:123456789012:cluster/prod")).toBe("123456789012");
    expect(accountOf("arn:aws:ecs:us-east-1:123:cluster/prod")).toBeUndefined();
    expect(accountOf("prod")).toBeUndefined();
  });

  it("shortens a task ID to its first 8 characters", () => {
    expect(shortTaskId("arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef")).toBe("01234567");
  });
});
