// What a session needs to act on the account: the runner (the only way a mutation is sent), the
// reads that prepare actions, and where the calls go. open-account.ts makes them.
import type { ActionRunner } from "./runner.js";
import type { AwsScope } from "./types.js";
import type { AutoScalingGateway } from "../../aws/autoscaling-gateway.js";
import type { EcrGateway } from "../../aws/ecr-gateway.js";
import type { Elbv2Gateway } from "../../aws/elbv2-gateway.js";

export interface ActionServices {
  runner: ActionRunner;
  autoscaling: AutoScalingGateway;
  /** ECR, for the images view (a read, not an action, but made with the same connection). */
  ecr?: EcrGateway;
  /** Elastic Load Balancing v2 reads, for the targets view (not an action; it shares the session). */
  elbv2?: Elbv2Gateway;
  scope: AwsScope;
  /** Who is at the keyboard, for StopTask reasons (default: the local user name). */
  user?: string;
}
