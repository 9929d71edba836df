// The WHY column: one case per common cause, each fed ECS's own wording (stoppedReason, stopCode,
// container exit codes and reasons as DescribeTasks returns them).
import type { Container, Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import {
  DIAGNOSIS_IDS,
  diagnoseStop,
  exitCodes,
  exitTone,
  type DiagnosisId,
} from "../../../source/kinds/stop-diagnosis.js";

const DEPLOYMENT = "ecs-svc/1234567890123456789";
const NEW_DEPLOYMENT = "ecs-svc/9876543210987654321";
const TARGET_GROUP = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef";

function stopped(fields: Partial<Task>, containers: Container[] = []): Task {
  return {
    taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    startedBy: DEPLOYMENT,
    containers,
    ...fields,
  };
}

const container = (name: string, exitCode?: number, reason?: string): Container => ({
  name,
  image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}:v42`,
  lastStatus: "STOPPED",
  exitCode,
  reason,
});

const CASES: { id: DiagnosisId; task: Task; text: RegExp }[] = [
  {
    id: "out-of-memory",
    task: stopped(
      { stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" },
      [
        container("app", 137, "OutOfMemoryError: Container killed due to memory usage"),
        container("envoy", 0),
      ],
    ),
    text: /^out of memory: app killed \(137\)$/,
  },
  {
    id: "essential-exited",
    task: stopped(
      { stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" },
      [container("app", 1), container("log-router", 0)],
    ),
    text: /^essential container app exited 1$/,
  },
  {
    id: "elb-health-check",
    task: stopped({
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason: `Task failed ELB health checks in (target-group ${TARGET_GROUP})`,
    }),
    text: /load balancer health checks/,
  },
  {
    id: "container-health-check",
    task: stopped(
      { stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed container health checks" },
      [{ ...container("app", 143), healthStatus: "UNHEALTHY" }],
    ),
    text: /^failed container health checks \(app\)$/,
  },
  {
    id: "image-pull",
    task: stopped(
      {
        stopCode: "TaskFailedToStart",
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v42": not found',
      },
      [
        container(
          "api",
          undefined,
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v42": not found',
        ),
      ],
    ),
    text: /^image pull failed: api \(api:v42\)$/,
  },
  {
    id: "secrets",
    task: stopped({
      stopCode: "TaskFailedToStart",
      stoppedReason:
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf from secrets manager: AccessDeniedException",
    }),
    text: /secrets or registry credentials/,
  },
  {
    id: "failed-to-start",
    task: stopped({
      stopCode: "TaskFailedToStart",
      stoppedReason:
        "ResourceInitializationError: failed to initialize logging driver: failed to create Cloudwatch log stream",
    }),
    text: /^failed to start: ResourceInitializationError: failed to initialize logging…$/,
  },
  {
    id: "spot-interruption",
    task: stopped({ stopCode: "SpotInterruption", stoppedReason: "Your Spot Task was interrupted." }),
    text: /^Spot capacity reclaimed by AWS$/,
  },
  {
    id: "maintenance",
    task: stopped({
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason:
        "Task stopped: ECS is performing maintenance on the underlying infrastructure hosting the task.",
    }),
    text: /maintenance/,
  },
  {
    id: "deployment",
    task: stopped({
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason: `Scaling activity initiated by (deployment ${NEW_DEPLOYMENT})`,
    }),
    text: new RegExp(`^replaced by deployment ${NEW_DEPLOYMENT}$`),
  },
  {
    id: "scale-in",
    task: stopped({
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason: `Scaling activity initiated by (deployment ${DEPLOYMENT})`,
    }),
    text: /^scaled in/,
  },
  {
    id: "user",
    task: stopped({ stopCode: "UserInitiated", stoppedReason: "Task stopped by user" }),
    text: /^stopped by a user$/,
  },
];

describe("diagnoseStop", () => {
  it.each(CASES)("$id", ({ id, task, text }) => {
    const diagnosis = diagnoseStop(task);
    expect(diagnosis?.id).toBe(id);
    expect(diagnosis?.text).toMatch(text);
  });

  it("has a test case for every diagnosis it can give", () => {
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(DIAGNOSIS_IDS));
  });

  it("quotes the reason a user gave with StopTask", () => {
    const task = stopped({
      stopCode: "UserInitiated",
      stoppedReason: "Stopped by jane: stuck connection pool",
    });
    expect(diagnoseStop(task)?.text).toBe("stopped by a user: Stopped by jane: stuck connection pool");
  });

  it("a job whose essential container finished is not a failure", () => {
    const task = stopped(
      { stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" },
      [container("job", 0)],
    );
    expect(diagnoseStop(task)).toMatchObject({ id: "essential-exited", text: "job exited 0 (finished)" });
  });

  it("exit 137 without an out-of-memory reason is a kill, not an OOM", () => {
    const task = stopped(
      { stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" },
      [container("app", 137)],
    );
    expect(diagnoseStop(task)).toMatchObject({
      id: "essential-exited",
      text: "essential container app exited 137 (SIGKILL)",
    });
  });

  it("names the essential container that failed, not a sidecar that exited with it", () => {
    const task = stopped(
      { stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" },
      [container("datadog-agent", 2), container("app", 1)],
    );
    expect(diagnoseStop(task, new Set(["app"]))?.text).toBe("essential container app exited 1");
  });

  it("says nothing about a task meant to run, and explains one already on its way down", () => {
    expect(diagnoseStop({ lastStatus: "RUNNING", desiredStatus: "RUNNING" })).toBeUndefined();
    const stopping = stopped({
      lastStatus: "DEACTIVATING",
      stopCode: "SpotInterruption",
      stoppedReason: "Your Spot Task was interrupted.",
    });
    expect(diagnoseStop(stopping)?.id).toBe("spot-interruption");
  });

  it("leaves a reason it does not know to the STOP REASON column", () => {
    expect(diagnoseStop(stopped({ stoppedReason: "something new" }))).toBeUndefined();
  });
});

describe("exit codes", () => {
  const task = stopped({}, [container("app", 137), container("sidecar", 0), container("never-started")]);

  it("lists the containers that exited non-zero, or 0 when every one exited cleanly", () => {
    expect(exitCodes(task)).toBe("app:137");
    const clean = { ...task, containers: task.containers?.map((c) => ({ ...c, exitCode: 0 })) };
    expect(exitCodes(clean)).toBe("0");
    expect(exitCodes({ containers: [container("app")] })).toBe("");
    // moto gives containers that never ran exitCode 0: no exit until the container or task stopped.
    expect(
      exitCodes({ lastStatus: "RUNNING", containers: [{ name: "app", lastStatus: "PENDING", exitCode: 0 }] }),
    ).toBe("");
  });

  it("is bad when an essential container failed, a warning when only a sidecar did", () => {
    expect(exitTone(task, new Set(["app"]))).toBe("bad");
    expect(exitTone(task, undefined)).toBe("bad");
    const sidecar = stopped({}, [container("app", 0), container("sidecar", 1)]);
    expect(exitTone(sidecar, new Set(["app"]))).toBe("warn");
    expect(exitTone(stopped({}, [container("app", 0)]), new Set(["app"]))).toBeUndefined();
  });
});
