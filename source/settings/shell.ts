// The command an exec shell runs (`--shell`, or "shell" in config.json): sent to ECS ExecuteCommand
// as one string, so it must be one line of printable text that AWS accepts.

/** ExecuteCommand's own limit on the command string. */
const MAX_SHELL_LENGTH = 4096;

/** Why `shell` cannot be used as the exec shell, or undefined when it can. */
export function shellProblem(shell: string): string | undefined {
  if (shell.trim() === "") return "must name a shell, e.g. /bin/bash";
  if (shell.length > MAX_SHELL_LENGTH) return `must be at most ${MAX_SHELL_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(shell)) return "must be one line without control characters";
  return undefined;
}
