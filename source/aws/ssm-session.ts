// An SSM session as deckhand opens and attaches to it: ECS ExecuteCommand and SSM StartSession both
// open one (ecs-gateway.ts, ssm-gateway.ts), and session-manager-plugin attaches to it
// (exec/plugin-invocation.ts). On its own so that the plugin's side need not load a gateway.

/** What session-manager-plugin needs to attach to an open session. */
export interface SsmSession {
  sessionId: string;
  streamUrl: string;
  tokenValue: string;
}

export const PORT_FORWARD_DOCUMENT = "AWS-StartPortForwardingSession";
export const REMOTE_HOST_PORT_FORWARD_DOCUMENT = "AWS-StartPortForwardingSessionToRemoteHost";

export type PortForwardDocument = typeof PORT_FORWARD_DOCUMENT | typeof REMOTE_HOST_PORT_FORWARD_DOCUMENT;

/** A port-forwarding StartSession: the task target `ecs:<cluster>_<taskId>_<runtimeId>` and a document. */
export interface PortForwardTarget {
  target: string;
  documentName: PortForwardDocument;
  /** e.g. { portNumber: ["5432"], localPortNumber: ["15432"], host: ["db.internal"] } */
  parameters: Record<string, string[]>;
}
