// Every Session Manager session the simulated account opened, by ECS ExecuteCommand or SSM
// StartSession, and whether it was terminated: tests check that deckhand closed what it opened.
import { hashHex } from "../random.js";
import { encodeSessionToken, type SimSessionToken } from "../session-token.js";

export interface SimSessionRecord {
  sessionId: string;
  kind: "exec" | "port";
  target: string;
  /** The SSM document; ECS exec sessions run AmazonECS-ExecuteInteractiveCommand. */
  document: string;
  /** Simulated epoch ms. */
  started: number;
  terminated: number | undefined;
}

export interface OpenedSession {
  sessionId: string;
  streamUrl: string;
  tokenValue: string;
}

export const EXEC_DOCUMENT = "AmazonECS-ExecuteInteractiveCommand";

export class SessionRegistry {
  private readonly records: SimSessionRecord[] = [];

  constructor(
    private readonly scope: { readonly region: string; readonly seed: number },
    private readonly now: () => number,
  ) {}

  /** Opens a session: ECS exec ids start "ecs-execute-command-", StartSession's with the IAM user ("demo-"). */
  open(token: SimSessionToken): OpenedSession {
    const prefix = token.kind === "exec" ? "ecs-execute-command" : "demo";
    const sessionId = `${prefix}-${hashHex(`${this.scope.seed}/ssm-session/${this.records.length}`, 17)}`;
    this.records.push({
      sessionId,
      kind: token.kind,
      target: token.target,
      document: token.document ?? EXEC_DOCUMENT,
      started: this.now(),
      terminated: undefined,
    });
    return {
      sessionId,
      streamUrl: `wss://ssmmessages.${this.scope.region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=1`,
      tokenValue: encodeSessionToken(token),
    };
  }

  /** Terminating is idempotent, and so is terminating a session that never existed (as in SSM). */
  terminate(sessionId: string): void {
    const record = this.records.find((candidate) => candidate.sessionId === sessionId);
    if (record !== undefined) record.terminated ??= this.now();
  }

  sessions(): SimSessionRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  /** Sessions not yet terminated. */
  active(): SimSessionRecord[] {
    return this.sessions().filter((record) => record.terminated === undefined);
  }
}
