// What `c` copies and `o` opens, worked out from ARNs alone.
import { describe, expect, it } from "vitest";
import { targetKey } from "../../../../source/kinds/target.js";
import { consoleUrl, referencesOf } from "../../../../source/features/copy-open/row-links.js";

const CLUSTER = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod";
const SERVICE = "arn:aws:ecs:eu-west-1:123456789012:service/prod/web";
const TASK = "arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
const INSTANCE =
  "arn:aws:ecs:eu-west-1:123456789012:container-instance/prod/5f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f";
const TARGET_GROUP =
  "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/prod-web/50dc6c495c0c9188";
const IN_SERVICE = { clusterArn: CLUSTER, clusterName: "prod", serviceName: "web" };

describe("referencesOf", () => {
  it("offers the ARN first, then the name or the task ID; a container has its name", () => {
    expect(referencesOf("clusters", CLUSTER)).toEqual([
      { label: "ARN", value: CLUSTER },
      { label: "name", value: "prod" },
    ]);
    expect(referencesOf("tasks", TASK)).toEqual([
      { label: "ARN", value: TASK },
      { label: "ID", value: "0123456789abcdef0123456789abcdef" },
    ]);
    expect(referencesOf("containers", "app")).toEqual([{ label: "name", value: "app" }]);
    expect(referencesOf("instances", INSTANCE)).toEqual([
      { label: "ARN", value: INSTANCE },
      { label: "ID", value: "5f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f" },
    ]);
    expect(referencesOf("portforwards", "pf-1")).toEqual([{ label: "ID", value: "pf-1" }]);
  });

  it("copies a target's whole ID: an IPv4 or IPv6 address, or an EC2 instance", () => {
    const binding = { targetGroupArn: TARGET_GROUP, containerName: "web" };
    const keyOf = (Id: string, Port: number) => targetKey({ Target: { Id, Port } }, binding);
    expect(referencesOf("targets", keyOf("10.0.1.17", 8080))).toEqual([{ label: "ID", value: "10.0.1.17" }]);
    expect(referencesOf("targets", keyOf("2600:1f18:4a3:6b00::17", 8080))).toEqual([
      { label: "ID", value: "2600:1f18:4a3:6b00::17" },
    ]);
    expect(referencesOf("targets", keyOf("i-0abc1234def567890", 32768))).toEqual([
      { label: "ID", value: "i-0abc1234def567890" },
    ]);
  });
});

describe("consoleUrl", () => {
  const base = "https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod";
  it.each([
    ["clusters", CLUSTER, {}, `${base}/services?region=eu-west-1`],
    [
      "services",
      SERVICE,
      { clusterArn: CLUSTER, clusterName: "prod" },
      `${base}/services/web/health?region=eu-west-1`,
    ],
    [
      "tasks",
      TASK,
      IN_SERVICE,
      `${base}/tasks/0123456789abcdef0123456789abcdef/configuration?region=eu-west-1`,
    ],
    [
      "containers",
      "app",
      { ...IN_SERVICE, taskArn: TASK },
      `${base}/tasks/0123456789abcdef0123456789abcdef/configuration?region=eu-west-1`,
    ],
    ["deployments", "ecs-svc/1", IN_SERVICE, `${base}/services/web/deployments?region=eu-west-1`],
    [
      "instances",
      INSTANCE,
      { clusterArn: CLUSTER, clusterName: "prod" },
      `${base}/infrastructure?region=eu-west-1`,
    ],
    [
      "autoscaling",
      "target:service/prod/web",
      IN_SERVICE,
      `${base}/services/web/configuration?region=eu-west-1`,
    ],
    ["targets", "10.0.1.17 8080", IN_SERVICE, `${base}/services/web/health?region=eu-west-1`],
    [
      "network",
      "eni-0abc",
      { ...IN_SERVICE, taskArn: TASK },
      `${base}/tasks/0123456789abcdef0123456789abcdef/configuration?region=eu-west-1`,
    ],
  ] as const)("%s", (kind, key, scope, url) => {
    expect(consoleUrl(kind, key, scope)).toBe(url);
  });

  it("opens a revision's or a family's page, which belong to the region rather than a cluster", () => {
    const revision = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:12";
    const regional = "https://eu-west-1.console.aws.amazon.com/ecs/v2/task-definitions";
    expect(consoleUrl("taskdefs", revision, {})).toBe(`${regional}/web/12/containers?region=eu-west-1`);
    expect(consoleUrl("families", "web", IN_SERVICE)).toBe(`${regional}/web?region=eu-west-1`);
    // Listed from no cluster: the session's region places the family.
    expect(consoleUrl("families", "web", {})).toBeUndefined();
    expect(consoleUrl("families", "web", {}, "eu-west-1")).toBe(`${regional}/web?region=eu-west-1`);
    expect(consoleUrl("families", "web", {}, "cn-north-1")).toBe(
      "https://cn-north-1.console.amazonaws.cn/ecs/v2/task-definitions/web?region=cn-north-1",
    );
    // Nothing else is placed by the region alone.
    expect(consoleUrl("services", "web", {}, "eu-west-1")).toBeUndefined();
    expect(referencesOf("families", "web")).toEqual([{ label: "name", value: "web" }]);
    expect(referencesOf("taskdefs", revision)).toEqual([
      { label: "ARN", value: revision },
      { label: "name", value: "web:12" },
    ]);
  });

  it("uses the partition's console, and has no page for a port forward", () => {
    const china = "arn:aws-cn:ecs:cn-north-1:123456789012:cluster/prod";
    expect(consoleUrl("clusters", china, {})).toBe(
      "https://cn-north-1.console.amazonaws.cn/ecs/v2/clusters/prod/services?region=cn-north-1",
    );
    expect(consoleUrl("portforwards", "pf-1", {})).toBeUndefined();
  });

  it("has no page for a service event, and copies keys that are no ARN as IDs", () => {
    expect(consoleUrl("events", "e-1", IN_SERVICE)).toBeUndefined();
    expect(referencesOf("deployments", "ecs-svc/1")).toEqual([{ label: "ID", value: "ecs-svc/1" }]);
    expect(referencesOf("services", SERVICE)).toEqual([
      { label: "ARN", value: SERVICE },
      { label: "name", value: "web" },
    ]);
  });
});

describe("an image's references and console page", () => {
  const REPOSITORY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web";
  const DIGEST = "sha256:529ed73c9e44809fcb69e5f6697f1661982238f87f20d64bbd400812d6ba0b5d";
  const IMAGE = `${REPOSITORY}@${DIGEST}`;
  const IN_TASK = { clusterArn: CLUSTER, clusterName: "prod", taskArn: TASK, containerName: "web" };

  it("copies the image pinned to its digest, or the digest alone", () => {
    expect(referencesOf("images", IMAGE)).toEqual([
      { label: "image", value: IMAGE },
      { label: "digest", value: DIGEST },
    ]);
  });

  it("opens its ECR repository, in the registry's region", () => {
    expect(consoleUrl("images", IMAGE, IN_TASK)).toBe(
      "https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/123456789012/team/web?region=eu-west-1",
    );
  });
});
