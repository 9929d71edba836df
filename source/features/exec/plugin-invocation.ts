// The command line for session-manager-plugin, as AWS CLI v2 builds it for a plugin newer than
// 1.2.497.0 (docs/aws.md, "ECS Exec"). The session token goes only into the environment: argv is
// visible to every local user through ps. Credentials go into the environment too, already
// resolved, because the plugin's Go SDK v1 cannot read SSO profiles.
import { resourceName } from "../../core/arn.js";
import {
  PORT_FORWARD_DOCUMENT,
  REMOTE_HOST_PORT_FORWARD_DOCUMENT,
  type PortForwardTarget,
  type SsmSession,
} from "../../aws/ssm-session.js";

export const SESSION_RESPONSE_VARIABLE = "AWS_SSM_START_SESSION_RESPONSE";

export interface PluginInvocation {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface PluginCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The session the plugin attaches to: SsmSession, by the name the exec flow imports. */
export type PluginSession = SsmSession;

/** What the session was opened on; for port forwards, the same object SSM StartSession was sent. */
export interface SessionTarget {
  target: string;
  documentName?: string;
  parameters?: Record<string, string[]>;
}

export interface InvocationInput {
  pluginPath: string;
  session: SsmSession;
  region: string;
  target: SessionTarget;
  /** The plugin uses it only for SSM ResumeSession/TerminateSession. */
  endpoint: string;
  credentials: PluginCredentials;
  /** The environment to start from (deckhand's own). */
  parentEnv: NodeJS.ProcessEnv;
}

export function pluginInvocation(input: InvocationInput): PluginInvocation {
  const env: NodeJS.ProcessEnv = { ...input.parentEnv };
  // A profile would make the plugin's SDK prefer the shared config over the credentials below,
  // and a session token left over from the parent would not match them.
  delete env.AWS_PROFILE;
  delete env.AWS_DEFAULT_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_SECURITY_TOKEN;
  env.AWS_ACCESS_KEY_ID = input.credentials.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = input.credentials.secretAccessKey;
  if (input.credentials.sessionToken) env.AWS_SESSION_TOKEN = input.credentials.sessionToken;
  env.AWS_REGION = input.region;
  env.AWS_DEFAULT_REGION = input.region;
  env[SESSION_RESPONSE_VARIABLE] = JSON.stringify(sessionJson(input.session, input.target));
  return {
    command: input.pluginPath,
    args: [
      SESSION_RESPONSE_VARIABLE,
      input.region,
      "StartSession",
      "",
      JSON.stringify(startSessionParameters(input.target)),
      input.endpoint,
    ],
    env,
  };
}

/**
 * The CLI hands ECS exec's `session` over as ECS spells it, and an SSM StartSession response as SSM
 * spells it (a document means SSM). The plugin's Go decoder accepts both.
 */
function sessionJson(session: SsmSession, target: SessionTarget): object {
  if (target.documentName === undefined) {
    return { sessionId: session.sessionId, streamUrl: session.streamUrl, tokenValue: session.tokenValue };
  }
  return { SessionId: session.sessionId, TokenValue: session.tokenValue, StreamUrl: session.streamUrl };
}

function startSessionParameters(target: SessionTarget): object {
  return {
    Target: target.target,
    ...(target.documentName !== undefined ? { DocumentName: target.documentName } : {}),
    ...(target.parameters !== undefined ? { Parameters: target.parameters } : {}),
  };
}

/** The SSM target of a container: `ecs:<clusterName>_<taskId>_<runtimeId>`. */
export function execTarget(clusterArn: string, taskArn: string, runtimeId: string): string {
  return `ecs:${resourceName(clusterArn)}_${resourceName(taskArn)}_${runtimeId}`;
}

export interface PortForwardSpec {
  /** From execTarget. */
  target: string;
  remotePort: number;
  localPort: number;
  /** A host reached through the task (e.g. a database); without it, the container's own port. */
  remoteHost?: string;
}

/** The StartSession request for a port forward: send it to SSM, then give it to pluginInvocation. */
export function portForwardTarget(spec: PortForwardSpec): PortForwardTarget {
  const ports = { portNumber: [String(spec.remotePort)], localPortNumber: [String(spec.localPort)] };
  if (spec.remoteHost) {
    return {
      target: spec.target,
      documentName: REMOTE_HOST_PORT_FORWARD_DOCUMENT,
      parameters: { host: [spec.remoteHost], ...ports },
    };
  }
  return { target: spec.target, documentName: PORT_FORWARD_DOCUMENT, parameters: ports };
}
