// What a container's log lines depend on: which program it runs (the app in one of four languages,
// or a known sidecar), whether it serves HTTP, whether its revision is broken and how, and
// whether it is the demo service that logs hostile content. Fixed when the container starts.
import { isWebService } from "../../ecs/catalog.js";
import { revisionFault } from "../../ecs/families.js";
import type { ContainerSpec, Fault, SimTask, TaskFamily } from "../../ecs/model.js";
import { hashSeed } from "../../random.js";

export type Language = "node" | "go" | "java" | "python";
export type Program = "app" | "datadog-agent" | "envoy" | "log-router";

/** The one demo service whose app logs user content with escape sequences in it. */
export const HOSTILE_FAMILY = "reviews";

export interface LineSource {
  program: Program;
  /** The app's name (the family's app container), also for sidecars: envoy routes to it. */
  app: string;
  container: string;
  language: Language;
  web: boolean;
  port: number;
  environment: string;
  taskId: string;
  /** Version string the app reports at start, from its image tag. */
  version: string;
  /** How this task's revision is broken, if it is. */
  fault: Fault | undefined;
  hostile: boolean;
  /** When the container started: memory pressure grows from here in an OOM-ing revision. */
  startedAt: number;
}

const LANGUAGES: readonly Language[] = ["node", "go", "java", "python"];
/** Vendor images log like the language they are written in. */
const VENDOR_LANGUAGE: Readonly<Record<string, Language>> = {
  "kafka-connect": "java",
  "otel-collector": "go",
  "feature-flags": "python",
  "clamav-scanner": "go",
};

export function languageOf(app: string): Language {
  return VENDOR_LANGUAGE[app] ?? (LANGUAGES[hashSeed(7, app) % LANGUAGES.length] as Language);
}

export function lineSource(
  family: TaskFamily,
  spec: ContainerSpec,
  task: SimTask,
  image: string,
): LineSource {
  const app = family.containers.find((candidate) => candidate.role === "app") ?? spec;
  const program: Program =
    spec.role === "app"
      ? "app"
      : spec.name === "envoy" || spec.name === "log-router" || spec.name === "datadog-agent"
        ? spec.name
        : "app";
  return {
    program,
    app: app.name,
    container: spec.name,
    language: languageOf(app.name),
    web: isWebService(app.name),
    port: app.ports[0] ?? 8080,
    environment: family.environment,
    taskId: task.id,
    version: image.slice(image.lastIndexOf(":") + 1),
    fault: revisionFault(family, task.revision),
    hostile: family.name === HOSTILE_FAMILY && spec.role === "app",
    startedAt: task.startedAt ?? task.createdAt,
  };
}
