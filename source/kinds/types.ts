import type { AutoScalingGateway } from "../aws/autoscaling-gateway.js";
import type { EcrGateway } from "../aws/ecr-gateway.js";
import type { Elbv2Gateway } from "../aws/elbv2-gateway.js";
import type { AwsFailure } from "../aws/failure.js";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import type { PortForward } from "./port-forward-record.js";
import type { FollowScope } from "./follow-scope.js";

export type KindId =
  | "clusters"
  | "services"
  | "tasks"
  | "containers"
  | "deployments"
  | "events"
  | "autoscaling"
  | "portforwards"
  | "taskdefs"
  | "families"
  | "instances"
  | "images"
  | "targets"
  | "network";

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

export type Tone = "ok" | "warn" | "bad" | "muted" | "progress";

export interface Column<Row> {
  header: string;
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
  drill?: (row: Row, scope: Scope) => { kind: KindId; scope: Scope } | undefined;
  /** What `l` follows in the log pane for a row, and the pane's title. */
  logs?: (row: Row, scope: Scope) => { follow: FollowScope; title: string };
  /** Text matched by the / filter. */
  filterText: (row: Row) => string;
  /**
   * What `d` shows: the object the row was built from (the SDK's Service, Task… or this session's
   * own record), or undefined while the row has not been described.
   */
  describe: (row: Row) => object | undefined;
  /** Rows can be marked with space (actions then apply to the marked rows). */
  markable?: boolean;
}
