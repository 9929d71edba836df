// What a container answers to a command, for the simulated plugin: a handful of commands people
// type first in a fresh shell, enough to see that exec reached the right task.

export interface CommandContext {
  /** From the target `ecs:<cluster>_<taskId>_<runtimeId>`. */
  cluster: string;
  taskId: string;
  runtimeId: string;
  windows: boolean;
}

export interface CommandOutput {
  text: string;
  exitCode: number;
}

/** Splits the target from the right: cluster names may contain underscores, task and runtime ids do not. */
export function parseTarget(target: string): Omit<CommandContext, "windows"> {
  const rest = target.replace(/^ecs:/, "");
  const parts = rest.split("_");
  const runtimeId = parts.pop() ?? "";
  const taskId = parts.pop() ?? "";
  return { cluster: parts.join("_"), taskId, runtimeId };
}

export function fakeEnvironment(context: CommandContext): Record<string, string> {
  const metadata = `http://169.254.170.2/v4/${context.runtimeId}`;
  if (context.windows) {
    return {
      COMPUTERNAME: context.taskId.slice(0, 15).toUpperCase(),
      USERNAME: "ContainerAdministrator",
      ECS_CONTAINER_METADATA_URI_V4: metadata,
      AWS_REGION: process.env.AWS_REGION ?? "us-east-1",
    };
  }
  return {
    HOSTNAME: context.taskId,
    HOME: "/root",
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ECS_CONTAINER_METADATA_URI_V4: metadata,
    AWS_EXECUTION_ENV: "AWS_ECS_FARGATE",
    AWS_REGION: process.env.AWS_REGION ?? "us-east-1",
  };
}

const ROOT_LISTING = ["app", "bin", "dev", "etc", "home", "lib", "proc", "root", "sys", "tmp", "usr", "var"];
const APP_LISTING = ["index.js", "node_modules", "package.json"];
const OS_RELEASE = [
  'NAME="Alpine Linux"',
  "ID=alpine",
  "VERSION_ID=3.20.3",
  'PRETTY_NAME="Alpine Linux v3.20"',
  'HOME_URL="https://alpinelinux.org/"',
].join("\n");

export function runCommand(line: string, context: CommandContext): CommandOutput {
  const words = splitWords(line);
  if (words[0] === "sh" && words[1] === "-c" && words[2] !== undefined) return runCommand(words[2], context);
  const [name = "", ...args] = words;
  if (name === "") return { text: "", exitCode: 0 };
  return context.windows ? powershell(name, args, context) : posix(name, args, context);
}

function posix(name: string, args: string[], context: CommandContext): CommandOutput {
  const env = fakeEnvironment(context);
  const done = (text: string, exitCode = 0) => ({ text, exitCode });
  switch (name) {
    case "echo":
      return done(args.map((arg) => expand(arg, env)).join(" "));
    case "hostname":
      return done(context.taskId);
    case "whoami":
      return done("root");
    case "id":
      return done("uid=0(root) gid=0(root) groups=0(root)");
    case "pwd":
      return done("/");
    case "env":
    case "printenv":
      return done(
        Object.entries(env)
          .map(([key, value]) => `${key}=${value}`)
          .join("\n"),
      );
    case "uname":
      return done(args.includes("-a") ? `Linux ${context.taskId} 5.10.0 #1 SMP x86_64 Linux` : "Linux");
    case "ls": {
      const path = args.find((arg) => !arg.startsWith("-")) ?? "/";
      if (path === "/" || path === ".") return done(ROOT_LISTING.join("\n"));
      if (path === "/app" || path === "app") return done(APP_LISTING.join("\n"));
      return done(`ls: ${path}: No such file or directory`, 1);
    }
    case "cat": {
      const path = args[0] ?? "";
      if (path === "/etc/os-release") return done(OS_RELEASE);
      if (path === "/etc/hostname") return done(context.taskId);
      return done(`cat: can't open '${path}': No such file or directory`, 1);
    }
    case "date":
      return done(new Date().toUTCString());
    case "true":
      return done("");
    case "false":
      return done("", 1);
    default:
      return done(`sh: ${name}: not found`, 127);
  }
}

function powershell(name: string, args: string[], context: CommandContext): CommandOutput {
  const env = fakeEnvironment(context);
  const done = (text: string, exitCode = 0) => ({ text, exitCode });
  switch (name.toLowerCase()) {
    case "echo":
    case "write-output":
      return done(args.join(" "));
    case "hostname":
      return done(env.COMPUTERNAME ?? "");
    case "whoami":
      return done("user manager\\containeradministrator");
    case "pwd":
    case "get-location":
      return done("\nPath\n----\nC:\\\n");
    case "ls":
    case "dir":
    case "get-childitem":
      return done(
        "\n    Directory: C:\\\n\nMode    Name\n----    ----\nd----   app\nd----   Program Files\nd----   Windows\n",
      );
    case "env":
      return done(
        Object.entries(env)
          .map(([key, value]) => `${key.padEnd(30)} ${value}`)
          .join("\n"),
      );
    default:
      return done(
        `${name} : The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
        1,
      );
  }
}

function expand(word: string, env: Record<string, string>): string {
  return word.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, key: string) => env[key] ?? "");
}

/** Words of a command line; single and double quotes group, as a shell would. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let quote: string | undefined;
  let inWord = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}
