import { Box, Text } from "ink";
import { useEffect, useSyncExternalStore } from "react";
import type { LogPaneStore } from "../../features/logs/log-pane-store.js";
import type { FollowerState } from "../../features/logs/log-follower.js";
import type { LogSource } from "../../features/logs/log-sources.js";
import { formatDuration } from "../../features/logs/durations.js";
import { cursorIndex, type PaneView } from "../../features/logs/log-pane.js";
import type { LineList } from "../../features/logs/log-line.js";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { fit, stringWidth } from "../text-fit.js";
import { theme } from "../theme.js";
import { blockRows, indexMarkers, paneRows, type LayoutOptions, type Row } from "./layout.js";
import { PaneHelp } from "./pane-help.js";
import { CursorLine } from "../cursor-text.js";

export const LOG_PANE_CHROME = 3; // top border, status line, bottom border

const PROMPTS: Record<NonNullable<PaneView["prompt"]>, string> = {
  search: "/ ",
  filter: "& ",
  history: "history window (90s, 10m, 2h…): ",
};

export function LogRow({ row }: { row: Row }) {
  return (
    <Text wrap="truncate-end">
      {row.segments.map((segment, i) => (
        <Text
          key={i}
          color={segment.highlight ? theme.matchText : segment.color}
          backgroundColor={segment.highlight ? theme.match : undefined}
          dimColor={segment.dim}
          inverse={segment.highlight ? theme.match === undefined : row.cursor}
        >
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}

function modeText(state: FollowerState): string {
  const mode =
    state.mode === "live"
      ? "live tail"
      : state.mode === "polling"
        ? "polling"
        : state.mode === "starting"
          ? "starting…"
          : "stopped";
  return sanitizeCell(state.modeReason ? `${mode} (${state.modeReason})` : mode);
}

/**
 * Containers whose logs the pane cannot show, one note each (the first two, then a count): said
 * whenever they exist, not only while the pane is empty.
 */
function elsewhereNotes(sources: readonly LogSource[]): string[] {
  const explanations = new Map<string, string>();
  for (const source of sources) {
    if (source.kind === "elsewhere" && !explanations.has(source.container))
      explanations.set(source.container, source.explanation);
  }
  const notes = [...explanations].map(([container, why]) =>
    sanitizeCell(`${container} logs elsewhere: ${why}`),
  );
  if (notes.length <= 2) return notes;
  const others = [...explanations.keys()].slice(1);
  return [notes[0]!, sanitizeCell(`${others.length} more containers log elsewhere: ${others.join(", ")}`)];
}

function statusText(view: PaneView, state: FollowerState, lines: LineList, dropped: number): string {
  if (view.help) return "log pane keys: any key closes this";
  if (view.notice) return view.notice;
  const position = view.follow
    ? "following"
    : `paused, line ${(cursorIndex(lines, view) + 1).toLocaleString("en-US")} of ${lines.length.toLocaleString("en-US")}` +
      (view.unseen > 0 ? `, ${view.unseen.toLocaleString("en-US")} new lines` : "");
  return [
    position,
    view.search ? `search "${view.search}" (n/N)` : "",
    dropped > 0 ? `${dropped.toLocaleString("en-US")} lines dropped (buffer full)` : "",
    state.failure ? `${state.failure.operation}: ${state.failure.code}: ${state.failure.message}` : "",
  ]
    .filter(Boolean)
    .join("  ·  ");
}

export function LogPane({
  pane,
  width,
  height,
  now,
}: {
  pane: LogPaneStore;
  width: number;
  height: number;
  now: number;
}) {
  const { view } = useSyncExternalStore(pane.subscribe, pane.getSnapshot);
  const state = useSyncExternalStore(pane.follower.subscribe, pane.follower.getState);
  const { buffer } = pane.follower;
  const lines = pane.lines();
  const inner = Math.max(1, width - 2);
  const notes = elsewhereNotes(state.sources);
  const bodyRows = Math.max(1, height - LOG_PANE_CHROME - notes.length);
  const layout: LayoutOptions = {
    width: inner,
    now,
    showSource: new Set(state.sources.map((source) => `${source.taskId}/${source.container}`)).size > 1,
    markers: indexMarkers(buffer.markers()),
  };
  useEffect(() =>
    pane.setGeometry({
      rows: bodyRows,
      rowsOf: (shown, index, v) => blockRows(shown, index, v, layout).length,
    }),
  );
  const rows = view.help ? [] : paneRows(lines, view, { ...layout, height: bodyRows });

  const counts = view.filter
    ? `${lines.length.toLocaleString("en-US")}/${buffer.length.toLocaleString("en-US")}`
    : lines.length.toLocaleString("en-US");
  const title = `─ ${sanitizeCell(pane.title)}[${counts}]${view.filter ? ` <&${sanitizeCell(view.filter)}>` : ""} `;
  const right = ` ${modeText(state)}${state.sampled ? ", sampled" : ""} · history ${formatDuration(state.historyWindowMs)} ─`;
  const fill = "─".repeat(Math.max(0, inner - stringWidth(title) - stringWidth(right)));
  const status = statusText(view, state, lines, buffer.dropped);

  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" color={theme.border}>
        ┌
        <Text color={theme.title} bold>
          {title}
        </Text>
        {fill}
        {right}┐
      </Text>
      <Box
        flexDirection="column"
        height={bodyRows + notes.length}
        borderStyle="single"
        borderTop={false}
        borderBottom={false}
        borderColor={theme.border}
      >
        {notes.map((note) => (
          <Text key={note} color={theme.info} dimColor wrap="truncate-end">
            {note}
          </Text>
        ))}
        {view.help ? (
          <PaneHelp rows={bodyRows} />
        ) : rows.length === 0 ? (
          <Text dimColor>{state.mode === "starting" ? "loading history…" : "no log lines yet"}</Text>
        ) : (
          rows.map((row, i) => <LogRow key={i} row={row} />)
        )}
      </Box>
      <Text wrap="truncate-end">
        <Text color={theme.border}>└ </Text>
        <Text color={view.prompt ? theme.key : state.failure ? theme.error : theme.info}>
          {view.prompt ? (
            <CursorLine
              text={PROMPTS[view.prompt] + view.draft}
              cursor={[...PROMPTS[view.prompt]].length + view.draftCursor}
              width={inner - 1}
            />
          ) : (
            fit(sanitizeCell(status), inner - 1)
          )}
        </Text>
        <Text color={theme.border}>┘</Text>
      </Text>
    </Box>
  );
}
