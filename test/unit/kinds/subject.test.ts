// Rows as the AWS resources they stand for: what actions act on and pending changes read.
import { describe, expect, it } from "vitest";
import { KINDS } from "../../../source/kinds/registry.js";
import { kindShowing, subjectOf } from "../../../source/kinds/subject.js";

describe("subjectOf", () => {
  it("reads a row as the resource its kind stands for, and nothing else", () => {
    const row = { arn: "arn:svc/web", name: "web", service: { serviceName: "web" } };
    expect(subjectOf(KINDS.services, "service", row)).toEqual({ name: "web", service: row.service });
    expect(subjectOf(KINDS.services, "task", row)).toBeUndefined();
    expect(subjectOf(KINDS.clusters, "service", { arn: "arn:cluster/prod", cluster: {} })).toBeUndefined();
    expect(subjectOf(KINDS.services, "service", undefined)).toBeUndefined();
  });

  it("reads only the target row of the autoscaling view as the scalable target", () => {
    const service = { serviceName: "web" };
    const target = {
      key: "target:service/prod/web",
      type: "target",
      name: "t",
      resourceId: "service/prod/web",
      service,
    };
    const policy = { key: "policy:cpu", type: "policy", name: "cpu", policy: {} };
    expect(subjectOf(KINDS.autoscaling, "scalableTarget", target)).toEqual({
      resourceId: "service/prod/web",
      service,
      target: undefined,
    });
    expect(subjectOf(KINDS.autoscaling, "scalableTarget", policy)).toBeUndefined();
  });
});

describe("kindShowing", () => {
  it("finds the one kind whose rows stand for each resource", () => {
    expect(kindShowing("service")?.id).toBe("services");
    expect(kindShowing("task")?.id).toBe("tasks");
    expect(kindShowing("scalableTarget")?.id).toBe("autoscaling");
    // A change shows on one kind's rows: a second kind of task rows would need changes keyed by task.
    const resources = Object.values(KINDS).flatMap((kind) => (kind.subject ? [kind.subject.resource] : []));
    expect(new Set(resources).size).toBe(resources.length);
  });
});
