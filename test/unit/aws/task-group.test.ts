import { describe, expect, it } from "vitest";
import { inService, serviceOfTask } from "../../../source/aws/task-group.js";

describe("a task's group", () => {
  it("names the service that started it, and no service for a standalone task", () => {
    expect(serviceOfTask({ group: "service:web" })).toBe("web");
    expect(serviceOfTask({ group: "service:" })).toBe("");
    expect(serviceOfTask({ group: "family:web" })).toBeUndefined();
    expect(serviceOfTask({ group: "web" })).toBeUndefined();
    expect(serviceOfTask({})).toBeUndefined();
  });

  it("keeps a listed task in the service only when its group says so, or says nothing", () => {
    expect(inService({ group: "service:web" }, "web")).toBe(true);
    expect(inService({ group: "service:web-2" }, "web")).toBe(false);
    expect(inService({ group: "service:api" }, "web")).toBe(false);
    expect(inService({ group: "family:web" }, "web")).toBe(false);
    expect(inService({}, "web")).toBe(true);
  });
});
