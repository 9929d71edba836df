// ListTasks, DescribeTasks and StopTask.
import type {
  DescribeTasksResponse,
  Failure,
  ListTasksResponse,
  StopTaskResponse,
  Task,
} from "@aws-sdk/client-ecs";
import { optionalInteger, optionalString, stringList } from "../input.js";
import { pageRequest, paginate } from "../pagination.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { resourceRef, taskArn } from "./arns.js";
import type { SimTask } from "./model.js";
import { checkBatch, findTask, includeSet, requireCluster, requireTask } from "./ops-common.js";
import { renderTask } from "./render-task.js";
import { stopTask as stopSimTask } from "./task-lifecycle.js";
import type { World } from "./world.js";

const DESIRED_STATUSES = new Set(["RUNNING", "PENDING", "STOPPED"]);

export function listTasks(world: World, input: JsonObject): ListTasksResponse {
  const cluster = requireCluster(world, input);
  const serviceName = optionalString(input, "serviceName");
  const instanceRef = optionalString(input, "containerInstance");
  const family = optionalString(input, "family");
  const startedBy = optionalString(input, "startedBy");
  const launchType = optionalString(input, "launchType");
  const desiredStatus = optionalString(input, "desiredStatus") ?? "RUNNING";
  if (!DESIRED_STATUSES.has(desiredStatus)) throw invalidParameter(`Invalid desiredStatus: ${desiredStatus}`);

  let source: readonly SimTask[] = cluster.tasks;
  if (serviceName !== undefined) {
    const ref = resourceRef(world, serviceName, "service");
    const service = ref && !ref.foreign ? cluster.servicesByName.get(ref.name) : undefined;
    if (service === undefined) throw new SimError("ServiceNotFoundException", "Service not found.");
    source = service.tasks;
  }
  let instanceArn: string | undefined;
  if (instanceRef !== undefined) {
    const ref = resourceRef(world, instanceRef, "container-instance");
    const instance = ref && !ref.foreign ? cluster.instancesById.get(ref.name) : undefined;
    if (instance === undefined) throw invalidParameter("Invalid containerInstance.");
    instanceArn = instance.arn;
  }

  const scope = [
    "ListTasks",
    cluster.name,
    serviceName,
    instanceRef,
    family,
    startedBy,
    launchType,
    desiredStatus,
  ].join("|");
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 100,
    max: 100,
  });
  const result = paginate(
    source,
    (task) => task.seq,
    (task) =>
      !task.purged &&
      task.desiredStatus === desiredStatus &&
      (family === undefined || task.family.name === family) &&
      (startedBy === undefined || task.startedBy === startedBy) &&
      (launchType === undefined || task.launchType === launchType) &&
      (instanceArn === undefined || task.instance?.arn === instanceArn),
    page,
    scope,
  );
  return { taskArns: result.items.map((task) => task.arn), nextToken: result.nextToken };
}

export function describeTasks(world: World, input: JsonObject): DescribeTasksResponse {
  const requested = stringList(input, "tasks");
  checkBatch(requested, 100, "Tasks cannot be empty.", "taskIds can have at most 100 items.");
  const cluster = requireCluster(world, input);
  const includeTags = includeSet(input).has("TAGS");
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const value of requested) {
    const task = findTask(world, cluster, value);
    if (task !== undefined) tasks.push(renderTask(world, task, includeTags));
    else
      failures.push({
        arn: value.startsWith("arn:") ? value : taskArn(world, cluster.name, value),
        reason: "MISSING",
      });
  }
  return { tasks, failures };
}

/** What ECS records when StopTask is called without a reason. */
export const USER_STOPPED_REASON = "Task stopped by user";
const MAX_REASON_LENGTH = 255;

/**
 * StopTask: desiredStatus STOPPED at once, lastStatus follows over seconds, stopCode UserInitiated
 * and stoppedReason the caller's reason. A service notices the missing task and starts another.
 */
export function stopTaskOperation(world: World, input: JsonObject): StopTaskResponse {
  const value = optionalString(input, "task");
  const reason = optionalString(input, "reason");
  if (value === undefined || value === "") throw invalidParameter("Task cannot be empty.");
  if (reason !== undefined && reason.length > MAX_REASON_LENGTH)
    throw invalidParameter(`Reason must be at most ${MAX_REASON_LENGTH} characters.`);
  const cluster = requireCluster(world, input);
  const task = requireTask(world, cluster, value);
  stopSimTask(
    world,
    task,
    world.time,
    { stopCode: "UserInitiated", stoppedReason: reason || USER_STOPPED_REASON },
    task.service?.rng ?? cluster.rng,
  );
  return { task: renderTask(world, task, false) };
}
