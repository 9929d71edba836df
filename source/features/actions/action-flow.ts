// What each action key starts: which row (or marked rows) it acts on, what it asks (a count, a
// revision from a list, min/max), what it reads first (the auto scaling target, the rollback plan,
// the task definitions to compare), and the action it builds for the dialog to confirm.
import type { ScalableTarget } from "@aws-sdk/client-application-auto-scaling";
import type { Service, Task } from "@aws-sdk/client-ecs";
import { familyRevision, resourceName } from "../../core/arn.js";
import { autoscalingRangeAction } from "./autoscaling-range.js";
import { changeRevisionAction } from "./change-revision.js";
import { taskDefinitionDiff } from "./task-definition-diff.js";
import { restartAction } from "./restart.js";
import { planRollback, rollbackAction } from "./rollback.js";
import { scaleAction } from "./scale.js";
import { stopTasksAction } from "./stop-tasks.js";
import { toggleExecAction } from "./toggle-exec.js";
import type { ActionId } from "./types.js";
import { serviceResourceId } from "../../aws/autoscaling-gateway.js";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import { describeFailure } from "../../aws/failure.js";
import { KINDS } from "../../kinds/registry.js";
import { subjectOf } from "../../kinds/subject.js";
import type { KindId } from "../../kinds/types.js";
import { ActionDialog, type ActionHost, type FlashLevel } from "../dialogs/action-dialog.js";
import type { ActionServices } from "./session-actions.js";

export type {
  ActionHost,
  DialogView,
  FlashLevel,
  NoticeItem,
  PickItem,
  PromptField,
} from "../dialogs/action-dialog.js";

/** What an action key asks for; every one of them ends in a mutating call, after confirmation. */
export type ActionVerb =
  "scale" | "restart" | "rollback" | "revision" | "toggleExec" | "editScaling" | "stopTasks";

/** The action a key starts, as the action log names it. */
const VERB_ACTIONS: Record<ActionVerb, ActionId> = {
  scale: "scale",
  restart: "restart",
  rollback: "rollback",
  revision: "change-revision",
  toggleExec: "toggle-exec",
  editScaling: "autoscaling-range",
  stopTasks: "stop-tasks",
};

const VERB_NAMES: Record<ActionVerb, string> = {
  scale: "scaling",
  restart: "restarting",
  rollback: "rolling back",
  revision: "changing the task definition",
  toggleExec: "turning ECS Exec on or off",
  editScaling: "changing auto scaling",
  stopTasks: "stopping tasks",
};

/** Where an action key was pressed: the view's kind, the row under the cursor, its rows, the marked ones. */
export interface ActionTarget {
  kind: KindId;
  row: unknown;
  rows: readonly unknown[];
  marked: ReadonlySet<string>;
}

export class ActionFlow {
  private readonly dialog: ActionDialog;

  constructor(
    private readonly services: ActionServices,
    private readonly gateway: EcsGateway,
    host: ActionHost,
  ) {
    this.dialog = new ActionDialog(services.runner, host);
  }

  get isOpen(): boolean {
    return this.dialog.isOpen;
  }

  get readOnlyReason(): string | undefined {
    return this.services.runner.readOnlyReason;
  }

  handleKey(key: string, input: string): void {
    this.dialog.handleKey(key, input);
  }

  /**
   * Starts the action of a key on the rows it was pressed on. Returns what to tell the user
   * instead when it cannot start: read-only (refused at once; the runner would refuse it too), a
   * row not described yet.
   */
  start(verb: ActionVerb, at: ActionTarget): { text: string; level: FlashLevel } | undefined {
    const reason = this.readOnlyReason;
    if (reason !== undefined) {
      void this.services.runner.refuseAtKey(VERB_ACTIONS[verb], `${VERB_NAMES[verb]} (refused at the key)`);
      return { text: `read-only: ${reason}; no ${VERB_NAMES[verb]}, nothing was sent`, level: "warn" };
    }
    // The kind says which AWS resource its rows stand for; a key on rows of another does nothing.
    const kind = KINDS[at.kind];
    if (verb === "stopTasks") {
      if (kind.subject?.resource !== "task") return undefined;
      const chosen = at.marked.size > 0 ? at.rows.filter((row) => at.marked.has(kind.key(row))) : [at.row];
      const tasks = chosen.flatMap((row) => subjectOf(kind, "task", row) ?? []);
      return void this.stopTasks(tasks);
    }
    if (verb === "editScaling") {
      if (kind.subject?.resource !== "scalableTarget") return undefined;
      const scaling = at.rows.map((row) => subjectOf(kind, "scalableTarget", row)).find(Boolean);
      if (!scaling) return { text: "auto scaling is not loaded yet", level: "warn" };
      return void this.editScaling(scaling.service, scaling.target);
    }
    const subject = subjectOf(kind, "service", at.row);
    if (!subject) return undefined;
    const { service, name } = subject;
    if (!service) return { text: `${name} is not described yet: try again in a moment`, level: "warn" };
    switch (verb) {
      case "scale":
        return void this.scale(service);
      case "restart":
        return void this.restart(service);
      case "rollback":
        return void this.rollback(service);
      case "revision":
        return void this.revision(service);
      case "toggleExec":
        return void this.toggleExec(service);
    }
  }

  scale(service: Service): void {
    const name = service.serviceName ?? "";
    const counts = `now: desired ${service.desiredCount ?? 0}, running ${service.runningCount ?? 0}, pending ${service.pendingCount ?? 0}`;
    let target: ScalableTarget | undefined;
    const notes = [counts, "auto scaling: checking…"];
    const open = this.dialog.openPrompt({
      title: `Scale ${name}`,
      fields: [{ label: "desired count", value: String(service.desiredCount ?? 0) }],
      notes,
      validate: ([count]) => scaleAction(this.services.scope, service, count ?? "", target),
      service,
    });
    // Outside its auto scaling min/max, a count does not stick: the prompt warns once it knows.
    const cluster = resourceName(service.clusterArn ?? "");
    void this.services.autoscaling.describeScalableTarget(serviceResourceId(cluster, name)).then((found) => {
      if (!open()) return;
      if (found.ok) {
        target = found.value;
        notes[1] = target
          ? `auto scaling: keeps ${name} between ${target.MinCapacity} and ${target.MaxCapacity}`
          : "auto scaling: none for this service";
      } else {
        notes[1] = `auto scaling: could not be read (${found.failure.code}), so min/max are not checked`;
      }
      this.dialog.refreshPrompt();
    });
  }

  restart(service: Service): void {
    this.dialog.confirm(restartAction(this.services.scope, service), service);
  }

  toggleExec(service: Service): void {
    this.dialog.confirm(toggleExecAction(this.services.scope, service), service);
  }

  stopTasks(tasks: Task[]): void {
    this.dialog.confirm(stopTasksAction(this.services.scope, tasks, this.services.user));
  }

  async rollback(service: Service): Promise<void> {
    const name = service.serviceName ?? "";
    const open = this.dialog.wait(`Roll back ${name}`, "looking for what to roll back to…");
    const plan = await planRollback(this.gateway, service);
    if (!open()) return;
    const built = rollbackAction(this.services.scope, service, plan);
    if (!built.ok || plan.kind !== "previous-revision" || !service.taskDefinition) {
      return this.dialog.confirm(built, service);
    }
    // Going back to an older revision: show what changes, as a revision change does.
    const diff = await this.diffOf(service.taskDefinition, plan.taskDefinition);
    if (!open()) return;
    this.dialog.confirm({ ok: true, action: diff ? { ...built.action, diff } : built.action }, service);
  }

  async revision(service: Service): Promise<void> {
    const name = service.serviceName ?? "";
    const current = service.taskDefinition;
    if (!current) return this.dialog.fail(`${name} has no task definition`);
    const { family } = familyRevision(current);
    const title = `Change the task definition of ${name}`;
    const open = this.dialog.wait(title, `listing the revisions of ${family}…`);
    const listed = await this.gateway.listTaskDefinitionArns(family);
    if (!open()) return;
    if (!listed.ok) {
      return this.dialog.fail(
        `cannot list the revisions of ${family}: ${describeFailure(listed.failure)}`,
        "error",
      );
    }
    const arns = listed.value;
    const inUse = new Set((service.deployments ?? []).map((d) => d.taskDefinition));
    this.dialog.openPick({
      title,
      items: arns.map((arn) => ({
        label: resourceName(arn),
        note: arn === current ? "current" : inUse.has(arn) ? "still has tasks" : undefined,
      })),
      cursor: Math.max(0, arns.indexOf(current)),
      notes: [`now: ${resourceName(current)}; enter shows what changes (nothing is sent yet)`],
      service,
      choose: async (index) => {
        const chosen = arns[index]!;
        if (chosen === current) return { ok: false, message: `${name} already uses ${resourceName(chosen)}` };
        const comparing = this.dialog.wait(
          title,
          `comparing ${resourceName(current)} with ${resourceName(chosen)}…`,
        );
        const [from, to] = await Promise.all([
          this.gateway.describeTaskDefinition(current),
          this.gateway.describeTaskDefinition(chosen),
        ]);
        if (!comparing()) return undefined;
        if (!from.ok) return { ok: false, message: describeFailure(from.failure) };
        if (!to.ok) return { ok: false, message: describeFailure(to.failure) };
        return changeRevisionAction(this.services.scope, service, from.value, to.value);
      },
    });
  }

  editScaling(service: Service, target: ScalableTarget | undefined): void {
    const name = service.serviceName ?? "";
    const desired = String(service.desiredCount ?? 0);
    this.dialog.openPrompt({
      title: `Auto scaling of ${name}`,
      fields: [
        { label: "min", value: target?.MinCapacity === undefined ? desired : String(target.MinCapacity) },
        { label: "max", value: target?.MaxCapacity === undefined ? desired : String(target.MaxCapacity) },
      ],
      notes: [
        target
          ? `now: min ${target.MinCapacity}, max ${target.MaxCapacity}; desired ${desired}`
          : `now: not managed by auto scaling; desired ${desired}`,
        "tab moves between min and max",
      ],
      validate: ([min, max]) =>
        autoscalingRangeAction(this.services.scope, service, min ?? "", max ?? "", target),
      service,
    });
  }

  private async diffOf(from: string, to: string) {
    const [a, b] = await Promise.all([
      this.gateway.describeTaskDefinition(from),
      this.gateway.describeTaskDefinition(to),
    ]);
    return a.ok && b.ok ? taskDefinitionDiff(a.value, b.value) : undefined;
  }
}
