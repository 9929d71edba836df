// Why a task stopped, in plain words, from what DescribeTasks says (stopCode, stoppedReason, the
// containers' exit codes and reasons). One table of cases, tried in order: the first that matches
// explains the stop. The wording matched is ECS's own (Amazon ECS developer guide, "Stopped tasks
// error codes"; AWS knowledge center "Why is my Amazon ECS task stopped?").
import type { Container, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { Tone } from "./types.js";

export type DiagnosisId =
  | "out-of-memory"
  | "image-pull"
  | "secrets"
  | "failed-to-start"
  | "elb-health-check"
  | "container-health-check"
  | "spot-interruption"
  | "maintenance"
  | "essential-exited"
  | "deployment"
  | "scale-in"
  | "user";

export interface Diagnosis {
  id: DiagnosisId;
  /** A few plain words for the WHY column, e.g. "out of memory: app killed (137)". */
  text: string;
  tone: Tone;
}

/** The containers of a task that ECS ranks as essential; undefined when not known (every one counts). */
export type Essential = ReadonlySet<string> | undefined;

interface Case {
  id: DiagnosisId;
  tone: Tone;
  /** The plain words, or undefined when this case does not apply to the task. */
  explain: (task: Task, essential: Essential) => string | undefined;
}

const OOM = /OutOfMemory|\bOOM/i;
const PULL = /CannotPullContainerError|pull image manifest|failed to resolve ref|ImagePull/i;
const SECRETS =
  /unable to (pull|retrieve) secrets|registry auth|retrieve secret|secretsmanager|ssm parameter/i;
const ELB_HEALTH = /failed ELB health checks/i;
const CONTAINER_HEALTH = /failed container health checks/i;
const SPOT = /Spot Task was interrupted/i;
const MAINTENANCE = /performing maintenance|scheduled for retirement|task retirement/i;
const ESSENTIAL_EXITED = /Essential container in task exited/i;
const SCALING = /Scaling activity initiated by \(deployment ([^)\s]+)\)/i;
const DEFAULT_USER_REASON = /^Task stopped by user$/i;

const containers = (task: Task): Container[] => task.containers ?? [];
/**
 * The containers that have exited, with their codes. An exit code counts once the container (or
 * its task) has stopped: moto reports exitCode 0 on containers that never ran.
 */
export function exitedContainers(task: Task): Container[] {
  return containers(task).filter((c) => hasExited(c, task));
}

export function hasExited(container: Container, task: Task): boolean {
  const { exitCode } = container;
  return (
    exitCode !== undefined &&
    exitCode !== null &&
    (container.lastStatus === "STOPPED" || task.lastStatus === "STOPPED")
  );
}

/** The names of a task definition's essential containers (ECS: every one unless it says otherwise). */
export function essentialNames(definition: TaskDefinition): Set<string> {
  return new Set(
    (definition.containerDefinitions ?? [])
      .filter((container) => container.essential !== false)
      .map((container) => container.name ?? ""),
  );
}
const reasonOf = (task: Task): string => task.stoppedReason ?? "";
const isEssential = (essential: Essential, container: Container): boolean =>
  essential === undefined || essential.has(container.name ?? "");

/** The first words of a long AWS message (the error name and what follows), cut at a word. */
function headline(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.lastIndexOf(" ", max - 1);
  return `${line.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** The container a stop is about: an essential one that exited non-zero, else any that did, else one that exited. */
export function culprit(task: Task, essential: Essential): Container | undefined {
  const exited = exitedContainers(task);
  return (
    exited.find((c) => c.exitCode !== 0 && isEssential(essential, c)) ??
    exited.find((c) => c.exitCode !== 0) ??
    exited.find((c) => isEssential(essential, c))
  );
}

const CASES: readonly Case[] = [
  {
    id: "out-of-memory",
    tone: "bad",
    explain: (task) => {
      const killed = containers(task).find((c) => OOM.test(c.reason ?? ""));
      if (killed) return `out of memory: ${killed.name ?? "container"} killed (${killed.exitCode ?? 137})`;
      return OOM.test(reasonOf(task)) ? "out of memory" : undefined;
    },
  },
  {
    id: "secrets",
    tone: "bad",
    explain: (task) =>
      /ResourceInitializationError/i.test(reasonOf(task)) && SECRETS.test(reasonOf(task))
        ? "could not fetch secrets or registry credentials (execution role, network)"
        : undefined,
  },
  {
    id: "image-pull",
    tone: "bad",
    explain: (task) => {
      const failed = containers(task).find((c) => PULL.test(c.reason ?? ""));
      if (failed) return `image pull failed: ${failed.name ?? "container"} (${imageOf(failed)})`;
      return PULL.test(reasonOf(task)) ? "image pull failed" : undefined;
    },
  },
  {
    id: "elb-health-check",
    tone: "bad",
    explain: (task) => (ELB_HEALTH.test(reasonOf(task)) ? "failed load balancer health checks" : undefined),
  },
  {
    id: "container-health-check",
    tone: "bad",
    explain: (task) => {
      if (!CONTAINER_HEALTH.test(reasonOf(task))) return undefined;
      const unhealthy = containers(task).filter((c) => c.healthStatus === "UNHEALTHY");
      const names = unhealthy.map((c) => c.name).join(", ");
      return names ? `failed container health checks (${names})` : "failed container health checks";
    },
  },
  {
    id: "failed-to-start",
    tone: "bad",
    explain: (task) =>
      task.stopCode === "TaskFailedToStart" ? `failed to start: ${headline(reasonOf(task))}` : undefined,
  },
  {
    id: "spot-interruption",
    tone: "warn",
    explain: (task) =>
      task.stopCode === "SpotInterruption" || SPOT.test(reasonOf(task))
        ? "Spot capacity reclaimed by AWS"
        : undefined,
  },
  {
    id: "maintenance",
    tone: "warn",
    explain: (task) =>
      task.stopCode === "TerminationNotice" || MAINTENANCE.test(reasonOf(task))
        ? "AWS infrastructure maintenance (task retired)"
        : undefined,
  },
  {
    id: "essential-exited",
    tone: "bad",
    explain: (task, essential) => {
      if (task.stopCode !== "EssentialContainerExited" && !ESSENTIAL_EXITED.test(reasonOf(task)))
        return undefined;
      const container = culprit(task, essential);
      if (!container) return "essential container exited";
      const name = container.name ?? "container";
      if (container.exitCode === 0) return `${name} exited 0 (finished)`;
      return `essential container ${name} exited ${container.exitCode}${signalName(container.exitCode)}`;
    },
  },
  {
    id: "deployment",
    tone: "muted",
    explain: (task) => {
      const by = SCALING.exec(reasonOf(task))?.[1];
      return by !== undefined && task.startedBy !== undefined && task.startedBy !== by
        ? `replaced by deployment ${by}`
        : undefined;
    },
  },
  {
    id: "scale-in",
    tone: "muted",
    explain: (task) => (SCALING.test(reasonOf(task)) ? "scaled in (desired count lowered)" : undefined),
  },
  {
    id: "user",
    tone: "muted",
    explain: (task) => {
      if (task.stopCode !== "UserInitiated") return undefined;
      const reason = reasonOf(task).trim();
      return reason && !DEFAULT_USER_REASON.test(reason)
        ? `stopped by a user: ${headline(reason, 40)}`
        : "stopped by a user";
    },
  },
];

/** What each diagnosis can be, in the order they are tried (for help and tests). */
export const DIAGNOSIS_IDS: readonly DiagnosisId[] = CASES.map((c) => c.id);

/**
 * Why the task stopped or is stopping, or undefined while it is meant to run (or when ECS gave no
 * reason deckhand recognises: the STOP REASON column still shows its words).
 */
export function diagnoseStop(task: Task, essential?: Essential): Diagnosis | undefined {
  if (task.desiredStatus !== "STOPPED" && task.lastStatus !== "STOPPED" && !task.stopCode) return undefined;
  for (const entry of CASES) {
    const text = entry.explain(task, essential);
    if (text !== undefined) return { id: entry.id, text, tone: entry.tone };
  }
  return undefined;
}

/** The EXIT column: "app:137 envoy:0", only for containers that have exited. */
/** The containers that exited non-zero ("app:137"), or "0" when every one that exited did cleanly. */
export function exitCodes(task: Task): string {
  const exited = exitedContainers(task);
  if (exited.length === 0) return "";
  const failed = exited.filter((c) => c.exitCode !== 0);
  return failed.length === 0 ? "0" : failed.map((c) => `${c.name ?? "?"}:${c.exitCode}`).join(" ");
}

/** bad when an essential container exited non-zero, warn for a sidecar that did, else nothing. */
export function exitTone(task: Task, essential: Essential): Tone | undefined {
  const failed = exitedContainers(task).filter((c) => c.exitCode !== 0);
  if (failed.length === 0) return undefined;
  return failed.some((c) => isEssential(essential, c)) ? "bad" : "warn";
}

function imageOf(container: Container): string {
  const image = container.image ?? "";
  return image.slice(image.lastIndexOf("/") + 1) || "image";
}

/** 137 is SIGKILL (128 + 9), 143 SIGTERM (128 + 15): say so, it is what people look up. */
function signalName(code: number | undefined): string {
  if (code === 137) return " (SIGKILL)";
  if (code === 143) return " (SIGTERM)";
  return "";
}
