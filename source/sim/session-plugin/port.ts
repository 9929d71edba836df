// A port-forwarding session: the local end the real plugin opens, answered here instead of by a
// service in the task. Every connection gets one small HTTP response naming where it would go.
import { createServer, type Socket } from "node:net";

export interface PortSession {
  sessionId: string;
  localPort: number;
  remotePort: number;
  /** The remote host for AWS-StartPortForwardingSessionToRemoteHost, else the task's own port. */
  remoteName: string;
  finish: (exitCode: number, signal?: string) => void;
}

/** An HTTP client speaks first; a client that does not still gets an answer after this long. */
const QUIET_CLIENT_MS = 200;

export function runPortForward(session: PortSession): void {
  const { stdout } = process;
  const body = `deckhand simulated port forward to ${session.remoteName}:${session.remotePort}\n`;
  const answer = (socket: Socket) => {
    stdout.write(`\nConnection accepted for session [${session.sessionId}]\n`);
    let answered = false;
    const respond = () => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      socket.end(
        `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    };
    const timer = setTimeout(respond, QUIET_CLIENT_MS);
    socket.once("data", respond);
    socket.on("error", () => socket.destroy());
  };

  stdout.write(`\nStarting session with SessionId: ${session.sessionId}\n`);
  const server = createServer(answer);
  server.once("error", (error: NodeJS.ErrnoException) => {
    stdout.write(`\nlisten tcp 127.0.0.1:${session.localPort}: ${error.code ?? error.message}\n`);
    session.finish(1);
  });
  server.listen({ port: session.localPort, host: "127.0.0.1", exclusive: true }, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : session.localPort;
    stdout.write(`Port ${port} opened for sessionId ${session.sessionId}.\nWaiting for connections...\n`);
  });
  const stop = (signal: NodeJS.Signals) => {
    server.close();
    stdout.write(`\n\nExiting session with sessionId: ${session.sessionId}.\n\n`);
    session.finish(0, signal);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
