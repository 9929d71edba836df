import { Box, Text } from "ink";
import { commandHints } from "../store/commands.js";
import { PANE_BINDINGS } from "../store/log-pane.js";
import type { AnyKind } from "../resources/registry.js";
import { DESCRIBE_BINDINGS } from "../store/describe.js";
import { BINDINGS, keyLabel, type KeyHint } from "./keymap.js";
import { sortHints } from "./sort-bindings.js";
import { fit } from "./text-fit.js";
import { theme } from "./theme.js";

interface Section {
  title: string;
  bindings: readonly KeyHint[];
  /** Commands are typed, not pressed: shown as `:services :svc` rather than `<s>`. */
  typed?: boolean;
}

const labelOf = (binding: KeyHint, typed: boolean | undefined) =>
  typed ? binding.keys.join(" ") : keyLabel(binding);

/** One column of help: sections one under the other, cut to the rows there are. */
function Column({ sections, rows }: { sections: readonly Section[]; rows: number }) {
  const lines = sections.flatMap(({ title, bindings, typed }, index) => {
    const keyWidth = Math.max(...bindings.map((binding) => labelOf(binding, typed).length)) + 2;
    // One element per row, so that cutting to `rows` elements cuts to `rows` rows.
    return [
      ...(index > 0 ? [<Text key={`gap ${title}`}> </Text>] : []),
      <Text key={`title ${title}`} color={theme.title} bold wrap="truncate-end">
        {title}
      </Text>,
      ...bindings.map((binding) => (
        <Text key={`${title} ${binding.action}`} wrap="truncate-end">
          <Text color={theme.key}>{fit(labelOf(binding, typed), keyWidth)}</Text>
          {binding.description}
          {binding.kinds ? <Text dimColor>{` (${binding.kinds.join(", ")})`}</Text> : null}
        </Text>
      )),
    ];
  });
  return (
    <Box flexDirection="column" flexGrow={1} flexBasis={0} marginRight={2} overflow="hidden">
      {lines.slice(0, rows)}
    </Box>
  );
}

/**
 * Every key, from the same lists the dispatcher uses: moving around the tables, the `:` commands
 * (from the command table), the actions of each kind of row, the sort keys of the view it was
 * opened from, the description and the log pane.
 */
export function Help({ width, height, kind }: { width: number; height: number; kind: AnyKind }) {
  const rows = Math.max(1, height - 3);
  // Unbound in the config file: nothing to press.
  const bound = BINDINGS.filter((binding) => binding.keys.length > 0);
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={theme.border} width={width} height={height}>
      <Text color={theme.title} bold wrap="truncate-end">
        {" help "}
        <Text dimColor>
          (esc or ? to close) · read-only mode refuses what changes AWS, not shells, commands or port forwards
        </Text>
      </Text>
      <Box height={rows} overflow="hidden">
        <Column
          sections={[
            { title: "tables", bindings: bound.filter((binding) => !binding.kinds) },
            { title: "commands", bindings: commandHints(), typed: true },
          ]}
          rows={rows}
        />
        <Column
          sections={[
            {
              title: "actions",
              bindings: bound.filter((binding) => binding.kinds && binding.action !== "sort"),
            },
            { title: `sort ${kind.id} (again: reverse)`, bindings: sortHints(kind) },
            { title: "describe", bindings: DESCRIBE_BINDINGS },
          ]}
          rows={rows}
        />
        <Column sections={[{ title: "log pane", bindings: PANE_BINDINGS }]} rows={rows} />
      </Box>
    </Box>
  );
}
