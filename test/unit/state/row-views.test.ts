// `b` on a service and `n` on a task: which view they open, and why `b` refuses a service without
// a load balancer target group.
import { describe, expect, it } from "vitest";
import { rowView } from "../../../source/state/row-views.js";

const scope = { clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod", clusterName: "prod" };
const targetGroupArn =
  "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/prod-web/0123456789abcdef";

describe("rowView", () => {
  it("opens a service's targets, scoped to the service", () => {
    const row = { arn: "arn:svc/web", name: "web", service: { loadBalancers: [{ targetGroupArn }] } };
    expect(rowView("loadBalancers", { kind: "services", scope }, row)).toEqual({
      kind: "targets",
      scope: { ...scope, serviceName: "web" },
    });
    // Not described yet: open it anyway, the view will say what it finds.
    expect(
      rowView("loadBalancers", { kind: "services", scope }, { arn: "arn:svc/web", name: "web" }),
    ).toMatchObject({
      kind: "targets",
    });
  });

  it("refuses a service without a target group (a classic load balancer has none)", () => {
    const worker = { arn: "arn:svc/worker", name: "worker", service: { loadBalancers: [] } };
    expect(rowView("loadBalancers", { kind: "services", scope }, worker)).toBe(
      "worker has no load balancer target group",
    );
    const classic = {
      arn: "arn:svc/old",
      name: "old",
      service: { loadBalancers: [{ loadBalancerName: "old-elb" }] },
    };
    expect(rowView("loadBalancers", { kind: "services", scope }, classic)).toBe(
      "old has no load balancer target group",
    );
  });

  it("opens a task's network, with the task's service in scope when it has one", () => {
    const arn = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123";
    const row = { arn, task: { taskArn: arn, group: "service:web" } };
    expect(rowView("network", { kind: "tasks", scope }, row)).toEqual({
      kind: "network",
      scope: { ...scope, serviceName: "web", taskArn: arn },
    });
    const standalone = { arn, task: { taskArn: arn, group: "family:job" } };
    expect(rowView("network", { kind: "tasks", scope }, standalone)).toEqual({
      kind: "network",
      scope: { ...scope, taskArn: arn },
    });
  });

  it("opens a service's deployments, events, auto scaling and revisions, scoped to it", () => {
    const row = { arn: "arn:svc/web", name: "web" };
    const opened = (["deployments", "events", "autoscaling", "taskDefinitions"] as const).map((action) =>
      rowView(action, { kind: "services", scope }, row),
    );
    expect(opened).toEqual(
      ["deployments", "events", "autoscaling", "taskdefs"].map((kind) => ({
        kind,
        scope: { ...scope, serviceName: "web" },
      })),
    );
  });

  it("does nothing in other views or without a row", () => {
    expect(rowView("network", { kind: "services", scope }, { arn: "x", name: "x" })).toBeUndefined();
    expect(rowView("loadBalancers", { kind: "services", scope }, undefined)).toBeUndefined();
  });
});
