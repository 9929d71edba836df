// A port forward as the forwards view lists it. features/exec/port-forwards.ts runs the forwards
// and keeps these up to date; the view and the load context only read them.

export type PortForwardState = "starting" | "open" | "failed" | "stopped";

export interface PortForward {
  id: string;
  taskArn: string;
  containerName: string;
  remotePort: number;
  localPort: number;
  remoteHost?: string;
  sessionId: string;
  pid?: number;
  state: PortForwardState;
  /** Why it failed or ended, from the plugin's last output. */
  message?: string;
}
