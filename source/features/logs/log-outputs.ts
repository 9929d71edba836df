// Where the log pane's "save" and "copy" go: a file under the user's state directory, and the
// terminal's clipboard through OSC 52 (which works over SSH, unlike a local clipboard tool).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stateDirectory } from "../../settings/state-directory.js";
import type { LineList } from "./log-line.js";

export function logsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDirectory(env), "logs");
}

/** Writes the lines as `ISO-time task/container message` and returns the file's path. */
export function saveLines(title: string, lines: LineList, now = new Date()): string {
  const directory = logsDirectory();
  mkdirSync(directory, { recursive: true });
  const name = `${title.replace(/[^A-Za-z0-9._-]+/g, "_")}-${now.toISOString().replace(/[:.]/g, "-")}.log`;
  const path = join(directory, name);
  const text: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines.at(index)!;
    text.push(`${new Date(line.timestamp).toISOString()} ${line.taskId}/${line.container} ${line.message}\n`);
  }
  writeFileSync(path, text.join(""));
  return path;
}

/** The OSC 52 sequence that puts `text` on the terminal's clipboard. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;
}
