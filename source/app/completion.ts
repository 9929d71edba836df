// `deckhand completion bash|zsh|fish`: a completion script for the flags of `deckhand --help`, with
// each flag's description where the shell shows one, the region names of `:region`, and the
// profile names of the AWS config and credentials files, which the script asks for when completing
// --profile (`deckhand completion --profiles`, one name a line; not in --help, it is for scripts).
// Nothing here loads Ink or the SDK, except --profiles, which reads the files the way `:profile` does.
import { REGIONS } from "../aws/regions.js";
import { FLAGS, USAGE } from "./options.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export interface Flag {
  /** Without the dashes: "profile". */
  name: string;
  short?: string;
  /** What the value is ("name", "region"…), for a flag that takes one. */
  value?: string;
  /** The first sentence of its line in --help, without what its default is. */
  description: string;
}

/** The flags of FLAGS, described as --help describes them. */
export function completionFlags(): Flag[] {
  const described = new Map<string, { value?: string; description: string }>();
  for (const line of USAGE.split("\n")) {
    const match = /^ {2}(?:-\w, )?--([\w-]+)(?: <([^>]+)>)? {2,}(\S.*)$/.exec(line);
    if (match) described.set(match[1]!, { value: match[2], description: shortDescription(match[3]!) });
  }
  return Object.entries(FLAGS).map(([name, spec]) => {
    const help = described.get(name);
    if (!help) throw new Error(`--${name} has no line in USAGE`);
    return {
      name,
      ...("short" in spec ? { short: spec.short } : {}),
      ...(spec.type === "string" ? { value: help.value ?? "value" } : {}),
      description: help.description,
    };
  });
}

function shortDescription(text: string): string {
  return text
    .replace(/\s*\((?:default|also|no |minimum)[^)]*\)?.*$/, "")
    .replace(/,?\s*(instead of|else)\b.*$/, "")
    .replace(/^\.\.\. /, "Open ");
}

/** Flags whose values the shell can offer: the rest take whatever the user types. */
const VALUE_SOURCES: Record<string, "profiles" | "regions"> = { profile: "profiles", region: "regions" };

const SUBCOMMAND_DESCRIPTION = "Print a shell completion script";

/** Single-quoted for sh, zsh and fish alike. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function bashScript(flags: readonly Flag[], regions: readonly string[]): string {
  const longs = flags.map((flag) => `--${flag.name}`).join(" ");
  const takesValue = flags
    .filter((flag) => flag.value && !VALUE_SOURCES[flag.name])
    .map((flag) => `--${flag.name}`);
  return `# bash completion for deckhand. Load it with
#   source <(deckhand completion bash)
# in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/deckhand.
_deckhand() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" flag_index=$((COMP_CWORD - 1))
  # bash splits --flag=value at "=": complete the value after it.
  if [[ "$cur" == "=" ]]; then
    cur=""
  elif [[ $COMP_CWORD -ge 2 && "\${COMP_WORDS[COMP_CWORD - 1]}" == "=" ]]; then
    flag_index=$((COMP_CWORD - 2))
  fi
  [[ $flag_index -ge 1 ]] && prev="\${COMP_WORDS[flag_index]}"
  if [[ "\${COMP_WORDS[1]}" == completion ]]; then
    [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W ${quoted(SHELLS.join(" "))} -- "$cur"))
    return 0
  fi
  case "$prev" in
    --profile)
      local IFS=$'\\n'
      COMPREPLY=($(compgen -W "$(deckhand completion --profiles 2>/dev/null)" -- "$cur"))
      return 0
      ;;
    --region)
      COMPREPLY=($(compgen -W ${quoted(regions.join(" "))} -- "$cur"))
      return 0
      ;;
    ${takesValue.join("|")})
      return 0
      ;;
  esac
  local words=${quoted(longs)} used
  # A flag already given is not offered again.
  for used in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    words=" $words "
    words="\${words/ "\${used%%=*}" / }"
  done
  [[ $COMP_CWORD -eq 1 ]] && words="completion $words"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _deckhand deckhand
`;
}

/** Text inside the [brackets] of a zsh _arguments spec. */
function zshDescription(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("[", "(").replaceAll("]", ")").replaceAll("'", "’");
}

function zshScript(flags: readonly Flag[], regions: readonly string[]): string {
  const specs = flags.map((flag) => {
    const source = VALUE_SOURCES[flag.name];
    const argument = !flag.value
      ? ""
      : source === "profiles"
        ? `:${flag.value}:_deckhand_profiles`
        : source === "regions"
          ? `:${flag.value}:(${regions.join(" ")})`
          : `:${flag.value}: `;
    // --name=: the value after "=" or as the next word; -x+: right after the letter or the next word.
    const long = `--${flag.name}${flag.value ? "=" : ""}`;
    const names = flag.short ? `{-${flag.short}${flag.value ? "+" : ""},${long}}` : quoted(long);
    // --help and --version stand alone: nothing else is offered once one is there.
    const exclusive = flag.name === "help" || flag.name === "version" ? "'(- *)'" : "";
    return `${exclusive}${names}${quoted(`[${zshDescription(flag.description)}]${argument}`)}`;
  });
  return `#compdef deckhand
# zsh completion for deckhand. Load it with
#   source <(deckhand completion zsh)
# in ~/.zshrc (after compinit), or save it as _deckhand in a directory of $fpath.
_deckhand_profiles() {
  local -a profiles
  profiles=(\${(f)"$(deckhand completion --profiles 2>/dev/null)"})
  _describe -t profiles 'AWS profile' profiles
}

_deckhand() {
  if [[ \${words[2]} == completion ]]; then
    (( CURRENT == 3 )) && _values shell ${SHELLS.join(" ")}
    return
  fi
  local -a specs
  specs=(
${specs.map((spec) => `    ${spec}`).join("\n")}
  )
  # Only first, before any flag: deckhand completion SHELL.
  (( CURRENT == 2 )) && specs+=(${quoted(`1:command:((completion\\:"${SUBCOMMAND_DESCRIPTION}"))`)})
  _arguments -s $specs
}

if [[ "\${funcstack[1]}" == _deckhand ]]; then
  _deckhand "$@"
else
  compdef _deckhand deckhand
fi
`;
}

function fishScript(flags: readonly Flag[], regions: readonly string[]): string {
  const notCompletion = "-n 'not __fish_seen_subcommand_from completion'";
  const lines = flags.map((flag) => {
    const source = VALUE_SOURCES[flag.name];
    const values =
      source === "profiles"
        ? ` -a '(deckhand completion --profiles 2>/dev/null)'`
        : source === "regions"
          ? ` -a ${quoted(regions.join(" "))}`
          : "";
    return [
      `complete -c deckhand ${notCompletion}`,
      flag.short ? `-s ${flag.short}` : "",
      `-l ${flag.name}`,
      flag.value ? "-x" : "",
    ]
      .filter(Boolean)
      .join(" ")
      .concat(values, ` -d ${quoted(flag.description)}`);
  });
  return `# fish completion for deckhand. Load it with
#   deckhand completion fish | source
# in ~/.config/fish/config.fish, or save it as ~/.config/fish/completions/deckhand.fish.
complete -c deckhand -f
complete -c deckhand -n '__fish_use_subcommand' -a completion -d ${quoted(SUBCOMMAND_DESCRIPTION)}
complete -c deckhand -n '__fish_seen_subcommand_from completion' -a ${quoted(SHELLS.join(" "))}
${lines.join("\n")}
`;
}

export function completionScript(shell: Shell, regions: readonly string[] = REGIONS): string {
  const flags = completionFlags();
  switch (shell) {
    case "bash":
      return bashScript(flags, regions);
    case "zsh":
      return zshScript(flags, regions);
    case "fish":
      return fishScript(flags, regions);
  }
}

export interface CompletionIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The profile names (`deckhand completion --profiles`). */
  profiles: () => Promise<string[]>;
}

const defaultIo: CompletionIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  profiles: async () => {
    const { listProfiles } = await import("../aws/profile-list.js");
    return (await listProfiles()).map((profile) => profile.name);
  },
};

/** `deckhand completion ARGS`: the exit code (2 for a shell it does not know, naming those it does). */
export async function runCompletion(args: readonly string[], io: CompletionIo = defaultIo): Promise<number> {
  const known = `${SHELLS.slice(0, -1).join(", ")} or ${SHELLS.at(-1)}`;
  if (args.length === 1 && args[0] === "--profiles") {
    // Asked by a completion script: nothing on stderr, whatever is wrong with the files.
    const names = await io.profiles().catch(() => []);
    io.out(names.map((name) => `${name}\n`).join(""));
    return 0;
  }
  const [shell, ...rest] = args;
  if (shell === undefined) {
    io.err(`deckhand: completion needs a shell: deckhand completion ${SHELLS.join("|")}\n`);
    return 2;
  }
  if (!(SHELLS as readonly string[]).includes(shell)) {
    io.err(`deckhand: completion knows ${known}, not "${shell}"\n`);
    return 2;
  }
  if (rest.length > 0) {
    io.err(`deckhand: completion takes one shell (${known}), not "${rest.join(" ")}" after it\n`);
    return 2;
  }
  io.out(completionScript(shell as Shell));
  return 0;
}
