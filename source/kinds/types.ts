import type { ScalableTarget } from "@aws-sdk/client-application-auto-scaling";
import type { Service, Task } from "@aws-sdk/client-ecs";
import type { AutoScalingGateway } from "../aws/autoscaling-gateway.js";
import type { EcrGateway } from "../aws/ecr-gateway.js";
import type { Elbv2Gateway } from "../aws/elbv2-gateway.js";
import type { AwsFailure } from "../aws/failure.js";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import type { PortForward } from "./port-forward-record.js";
import type { FollowScope } from "./follow-scope.js";
import type { Reference } from "./references.js";

/**
 * The ids of the kinds of view. Each kind's file adds its own id here (declaration merging, see
 * cluster.ts), so that a new kind is its file and its line in registry.ts, whose record must then
 * list every id.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the kinds' files
export interface KindIds {}

export type KindId = keyof KindIds;

/** Which tasks of a service the tasks view lists (`t` cycles them); running when absent. */
export type TaskSet = "running" | "stopped" | "all";

/** Where a view points: each level adds the key of the row it was opened from. */
export interface Scope {
  clusterArn?: string;
  clusterName?: string;
  serviceName?: string;
  taskArn?: string;
  /** The task definition family whose revisions the taskdefs view lists (outside a service). */
  taskDefinitionFamily?: string;
  /** A container instance (enter on an instance: the tasks placed on it) and its EC2 instance ID. */
  containerInstanceArn?: string;
  instanceId?: string;
  /** A container of the task (the images view). */
  containerName?: string;
  /** The tasks view only: running, stopped or all tasks. */
  taskSet?: TaskSet;
}

/** A view to open: its kind and where it points. */
export interface ViewAt {
  kind: KindId;
  scope: Scope;
}

/** What a view needs in scope: `:tasks` needs a service, `:containers` a task. */
export type ScopeNeed = "cluster" | "service" | "task";

/** The `:` command named after a kind: it opens the kind's view from wherever the user is. */
export interface KindCommand {
  aliases: readonly string[];
  description: string;
  /** What the scope on top must hold; the view opens for that part of it (scope-need.ts). */
  needs?: ScopeNeed;
  /**
   * For a command that takes words (`:tasks stopped`, `:td web`): the view they open from the
   * view on top, or what to say instead. Without it the command takes no words.
   */
  open?: (words: readonly string[], top: ViewAt) => ViewAt | string;
}

/** The AWS resources actions act on, and what a row that stands for one holds of it. */
export interface Subjects {
  /** `service` is undefined until the row has been described. */
  service: { name: string; service?: Service };
  task: Task;
  scalableTarget: { resourceId: string; service: Service; target?: ScalableTarget };
}

export type SubjectResource = keyof Subjects;

/**
 * Which AWS resource a kind's rows stand for: what actions on them act on (subject.ts), and what
 * their pending changes read to tell when a change is done.
 */
export type SubjectRule<Row> = {
  [R in SubjectResource]: {
    resource: R;
    /** The row as that resource; undefined for a row that is something else (a scaling policy). */
    of: (row: Row) => Subjects[R] | undefined;
    /** The key of the row for the resource an action names; that name itself when absent. */
    rowKey?: (name: string) => string;
  };
}[SubjectResource];

/** Two task definitions `=` compares (ARNs, or "family:revision" as moto keeps them), old first. */
export type DiffPair = { ok: true; before: string; after: string } | { ok: false; message: string };

/** What `s`, `x` and `F` open a session in from a row: its task, and the containers to pick from. */
export interface ExecTarget {
  taskArn: string;
  /** One is used at once; from several the user picks (their status beside them). */
  containers: readonly { name: string; status?: string }[];
}

/** Keys that open a view about the row other than its drill-down: `z e a t i b n`. */
export type RowViewAction =
  | "deployments"
  | "events"
  | "autoscaling"
  | "taskDefinitions"
  | "instances"
  | "image"
  | "loadBalancers"
  | "network";

export type Tone = "ok" | "warn" | "bad" | "muted" | "progress";

export interface Column<Row> {
  header: string;
  /**
   * How long the column stays on a terminal too narrow for every column: lower is kept longer.
   * 1 names the row, 2 says its state, 3 its main figures, 4 details, 5 wide-mode columns. Every
   * kind declares it on each column. The table does not read it yet: narrow terminals are to drop
   * the highest numbers first.
   */
  priority?: number;
  value: (row: Row, now: number) => string;
  tone?: (row: Row) => Tone | undefined;
  align?: "right";
  /** Takes the width left over; at most one column per kind. */
  flexible?: boolean;
  /** While an action on the row waits for a refresh to confirm it, this column says so instead. */
  pendingSlot?: boolean;
  /** Shift + this letter sorts the table by this column (one letter per column of a kind). */
  sortKey?: string;
  /** What sorting compares when the text would sort wrong: times for ages, for instance. */
  sortValue?: (row: Row) => string | number | undefined;
  /** Shown only in wide mode (ctrl-w). */
  wide?: boolean;
  /** Left out while no row (after the filter) has a value in it: exit codes of running tasks. */
  whenSet?: boolean;
}

export interface LoadContext<Row> {
  gateway: EcsGateway;
  /** Application Auto Scaling, when the session has it (the autoscaling view needs it). */
  autoscaling?: AutoScalingGateway;
  /** Amazon ECR, when the session has it (the images view needs it). */
  ecr?: EcrGateway;
  /** Elastic Load Balancing v2, when the session has it (the targets view needs it). */
  elbv2?: Elbv2Gateway;
  /** This session's port forwards, when it can open them (the PF column, the portforwards view). */
  forwards?: () => readonly PortForward[];
  scope: Scope;
  now: number;
  previous: readonly Row[] | undefined;
  /** Which of these rows would be on screen (after filter and scroll): describe those first. */
  visibleKeys: (rows: readonly Row[]) => ReadonlySet<string>;
  /** Per-view scratch space that survives between loads (e.g. when the list was last fetched). */
  memo: Record<string, number>;
  /** The user asked for a refresh (ctrl-r): skip any "re-list less often" shortcuts. */
  forced: boolean;
  /** Rows as they become known, before the whole load is done. */
  publish: (rows: Row[]) => void;
}

export type LoadOutcome<Row> =
  /** `empty`: what the table says instead of "no rows" when there are none (and why). */
  { ok: true; rows: Row[]; empty?: string } | { ok: false; failure: AwsFailure; rows?: Row[] };

export interface ResourceKind<Row> {
  id: KindId;
  /** Table title before the count, e.g. "services(prod)". */
  title: (scope: Scope) => string;
  /**
   * A line after the title, from the loaded rows, in a tone: the targets view's zone spread, the
   * network view's mode.
   */
  caption?: (rows: readonly Row[]) => { text: string; tone?: Tone } | undefined;
  /** Crumb for the navigation trail. */
  crumb: (scope: Scope) => string;
  columns: Column<Row>[];
  key: (row: Row) => string;
  /** A row that is known but not described yet renders dimmed. */
  isPlaceholder?: (row: Row) => boolean;
  load: (context: LoadContext<Row>) => Promise<LoadOutcome<Row>>;
  /** What enter opens on a row. */
  drill?: (row: Row, scope: Scope) => ViewAt | undefined;
  /** The views about a row that the row-view keys open here, or why one does not (for the flash). */
  views?: Partial<Record<RowViewAction, (row: Row, scope: Scope) => ViewAt | string>>;
  /** What `l` follows in the log pane for a row, and the pane's title. */
  logs?: (row: Row, scope: Scope) => { follow: FollowScope; title: string };
  /** Text matched by the / filter. */
  filterText: (row: Row) => string;
  /**
   * What `d` shows: the object the row was built from (the SDK's Service, Task… or this session's
   * own record), or undefined while the row has not been described.
   */
  describe: (row: Row) => object | undefined;
  /** The AWS resource the rows stand for, if actions act on them. */
  subject?: SubjectRule<Row>;
  /**
   * A pending change to this resource, on another kind's rows, refreshes this view as often as
   * one on its own: the deployments view shows the rollout a service change waits for.
   */
  watches?: SubjectResource;
  /** What `=` compares here: two task definitions, from the rows, the cursor's and the marked ones. */
  diff?: (rows: readonly Row[], row: Row | undefined, marked: ReadonlySet<string>) => DiffPair;
  /** The task and container(s) an ECS Exec session from a row goes into. */
  exec?: (row: Row, scope: Scope) => ExecTarget;
  /**
   * The rows show this session's port forwards (the PF column, the forwards themselves): the view
   * refreshes as forwards open and end.
   */
  showsForwards?: boolean;
  /** The port forward a row is, for ctrl-k to stop it. */
  forward?: (row: Row) => PortForward;
  /** The `:` command that opens this view, if any; `:help` lists them in registry order. */
  command?: KindCommand;
  /** The view lists one set of tasks at a time: `t` cycles running, stopped, all (in the scope). */
  taskSets?: boolean;
  /** Rows can be marked with space (actions then apply to the marked rows). */
  markable?: boolean;
  /** What `c` offers to copy, most precise first; absent: the key's ARN and name (arnReferences). */
  references?: (key: string) => Reference[];
  /**
   * The row's page in the AWS console (`o`), from its key and scope, whose ARNs say the partition
   * and region; `sessionRegion` places what no ARN does. Absent or undefined: the console has none.
   */
  consoleUrl?: (key: string, scope: Scope, sessionRegion?: string) => string | undefined;
}
