import { Box, Text } from "ink";
import { memo, useSyncExternalStore } from "react";
import type { LogPaneStore } from "../../store/log-pane-store.js";
import type { FollowerState } from "../../logs/log-follower.js";
import { sanitizeCell } from "../sanitize.js";
import { fit } from "../text-fit.js";
import { theme } from "../theme.js";
import { paneRows, type Row } from "./layout.js";

export const LOG_PANE_CHROME = 3; // top border, status line, bottom border

const LogRow = memo(function LogRow({ row }: { row: Row }) {
  return (
    <Text wrap="truncate-end">
      {row.map((segment, i) => (
        <Text
          key={i}
          color={segment.highlight ? "black" : segment.color}
          backgroundColor={segment.highlight ? "yellow" : undefined}
          dimColor={segment.dim}
        >
          {segment.text}
        </Text>
      ))}
    </Text>
  );
});

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
  const state = useSyncExternalStore(pane.follower.subscribe, () => pane.follower.getState());
  const lines = pane.lines();
  const bodyRows = Math.max(1, height - LOG_PANE_CHROME);
  const inner = Math.max(1, width - 2);
  const showSource = new Set(state.sources.map((source) => `${source.taskId}/${source.container}`)).size > 1;
  const rows = paneRows(lines, view, { width: inner, height: bodyRows, now, showSource });
  const elsewhere = state.sources.filter((source) => source.kind === "elsewhere");

  const dropped = pane.follower.buffer.dropped;
  const counts = view.filter ? `${lines.length}/${pane.follower.buffer.length}` : `${lines.length}`;
  const title = `─ ${sanitizeCell(pane.title)}[${counts}]${view.filter ? ` <&${sanitizeCell(view.filter)}>` : ""} `;
  const right = ` ${modeText(state)}${state.sampled ? ", sampled" : ""} ─`;
  const fill = "─".repeat(Math.max(0, inner - title.length - right.length));
  const following = view.follow
    ? "following"
    : `paused${view.unseen > 0 ? `, ${view.unseen} new lines` : ""}`;
  const status = view.prompt
    ? `${view.prompt === "search" ? "/" : "&"} ${view.draft}`
    : (view.notice ??
      [
        following,
        view.search ? `search "${view.search}" (n/N)` : "",
        dropped > 0 ? `${dropped} lines dropped (buffer full)` : "",
        state.failure ? `${state.failure.operation}: ${state.failure.code}: ${state.failure.message}` : "",
      ]
        .filter(Boolean)
        .join("  ·  "));

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
        height={bodyRows}
        borderStyle="single"
        borderTop={false}
        borderBottom={false}
        borderColor={theme.border}
      >
        {rows.length === 0 ? (
          <Text dimColor>
            {elsewhere.length > 0
              ? sanitizeCell(
                  elsewhere.map((source) => `${source.container}: ${source.explanation}`).join("  "),
                )
              : state.mode === "starting"
                ? "loading history…"
                : "no log lines yet"}
          </Text>
        ) : (
          rows.map((row, i) => <LogRow key={i} row={row} />)
        )}
      </Box>
      <Text wrap="truncate-end">
        <Text color={theme.border}>└ </Text>
        <Text color={view.prompt ? theme.key : state.failure ? theme.error : theme.info}>
          {fit(sanitizeCell(status), inner - 2)}
        </Text>
        <Text color={theme.border}>┘</Text>
      </Text>
    </Box>
  );
}
