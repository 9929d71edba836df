import { Box, useApp, useInput } from "ink";
import { resourceName } from "../core/arn.js";
import { useEffect, useSyncExternalStore } from "react";
import type { AppStore, CacheEntry } from "../state/app-store.js";
import { baseOf, dialogOf } from "../state/overlay.js";
import type { Scope, Tone } from "../kinds/types.js";
import { formatAge } from "../kinds/format.js";
import { sanitizeCell } from "../core/text/sanitize.js";
import { matchRanges, parsedFilter } from "../state/row-filter.js";
import { drawnColumns, shownColumns } from "../state/view-sort.js";
import { CommandBar } from "./command-bar.js";
import { Crumbs } from "./crumbs.js";
import { Dialog, dialogHeight } from "./dialog.js";
import { dispatchKey, type KeySession } from "../input/dispatch.js";
import { FilterBar } from "./filter-bar.js";
import { Flash, flashLines } from "./flash.js";
import { Header, HEADER_ROWS, type HeaderHint } from "./header.js";
import { Help } from "./help.js";
import { splitKeys } from "../input/key-names.js";
import { offeredIn, TABLE_KEYMAP, type TableKeymap } from "../input/table-keys.js";
import { KEY_OUTPUTS } from "./key-outputs.js";
import { LogPane } from "./log-pane/log-pane.js";
import { DescribeScreen } from "./describe/describe-screen.js";
import { PANE_KEYMAP } from "../features/logs/log-pane-keys.js";
import { withSortArrow } from "./sort-arrow.js";
import { Table } from "./table.js";
import { useTerminalSize } from "./use-terminal-size.js";

export interface AppProps {
  store: AppStore;
  /** The table's keys, as the config file's "keys" made them (the defaults when absent). */
  keymap?: TableKeymap;
}

/** Table chrome: top border, column header, bottom border. */
const TABLE_CHROME = 3;
/** Rows the table keeps under an open dialog (chrome and two rows), when the screen allows. */
const TABLE_UNDER_DIALOG = TABLE_CHROME + 2;

export function App({ store, keymap = TABLE_KEYMAP }: AppProps) {
  const { exit } = useApp();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { columns, rows: terminalRows } = useTerminalSize();

  // Ink 6 clears and repaints the whole screen on every frame that is as tall as the terminal.
  const height = Math.max(8, terminalRows - 1);
  const base = baseOf(state.overlay);
  const promptRows = base.type === "filter" || base.type === "command" ? 1 : 0;
  const flashRows = flashLines(state.flash, columns).length;
  const areaHeight = height - HEADER_ROWS - 1 - flashRows - promptRows;
  // An open dialog sits above the table and takes what it needs, leaving the table a few rows
  // (the row acted on stays in sight); when both do not fit, the dialog has the whole area.
  const dialog = dialogOf(state.overlay);
  const wanted = dialog ? dialogHeight(dialog, columns, areaHeight) : 0;
  const dialogRows = !dialog ? 0 : wanted + TABLE_UNDER_DIALOG <= areaHeight ? wanted : areaHeight;
  const tableHeight = areaHeight - dialogRows;
  const bodyRows = Math.max(1, tableHeight - TABLE_CHROME);

  useEffect(() => store.setViewportRows(bodyRows), [store, bodyRows]);

  useInput((input, key) => {
    const session: KeySession = { store, keymap, outputs: KEY_OUTPUTS };
    for (const stroke of splitKeys(input, key)) dispatchKey(session, stroke.name, stroke.input, exit);
  });

  const view = store.top();
  const kind = store.kindOf(view);
  const entry = store.entryOf(view);
  const rows = store.visibleRows(view);
  const total = entry?.rows?.length ?? 0;
  const marked = store.marksOf(view);
  const shown = drawnColumns(shownColumns(kind, state.wide), rows, state.now);
  const count = `${view.filter ? `${rows.length}/${total}` : `${rows.length}`}${marked.size > 0 ? `, ${marked.size} marked` : ""}`;
  const filterTag = view.filter ? ` </${view.filter}>` : "";
  const pane = base.type === "logs" ? base.pane : undefined;
  const paneView = useSyncExternalStore(
    pane?.subscribe ?? subscribeNothing,
    pane?.getSnapshot ?? nothing,
  )?.view;
  const hints: HeaderHint[] = pane
    ? PANE_KEYMAP.hints()
    : keymap
        .hints()
        .filter((b) => offeredIn(b, kind))
        .map((b) => ({
          ...b,
          refused: Boolean(b.mutates && state.readOnly !== undefined),
        }));
  const [status, statusTone] = freshness(entry, state.now, store.refreshMs);

  if (state.overlay.type === "describe") {
    return <DescribeScreen pane={state.overlay.pane} width={columns} height={height} />;
  }

  if (pane && paneView?.fullscreen) {
    return (
      <Box flexDirection="column" width={columns} height={height}>
        <LogPane pane={pane} width={columns} height={height} now={state.now} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Header
        info={[...state.context, { label: "Scope", value: scopeLabel(view.scope) }]}
        hints={hints}
        width={columns}
        readOnly={state.readOnly !== undefined}
      />
      {base.type === "filter" ? <FilterBar draft={base.draft} cursor={base.cursor} /> : null}
      {base.type === "command" ? <CommandBar line={state.commandLine} /> : null}
      {dialog ? <Dialog view={dialog} width={columns} height={dialogRows} /> : null}
      {tableHeight <= 0 ? null : base.type === "help" ? (
        <Help width={columns} height={tableHeight} kind={kind} keymap={keymap} top={base.top} />
      ) : pane ? (
        <LogPane pane={pane} width={columns} height={tableHeight} now={state.now} />
      ) : (
        <Table
          title={`${kind.title(view.scope)}[${count}]${filterTag}`}
          caption={kind.caption?.(entry?.rows ?? [])}
          status={status}
          statusTone={statusTone}
          columns={withSortArrow(shown, view.sort)}
          rows={rows}
          rowKey={kind.key}
          isPlaceholder={kind.isPlaceholder}
          isHighlighted={(key) => store.isHighlighted(entry, key)}
          markable={kind.markable}
          isMarked={(key) => marked.has(key)}
          pendingLabel={(key, row) => store.pendingLabel(kind.id, key, row)}
          cursor={view.cursor}
          top={view.top}
          height={bodyRows}
          width={columns}
          now={state.now}
          emptyText={emptyText(entry, view.filter, state.setupFailure)}
          matches={
            view.filter
              ? (text, c) =>
                  matchRanges(parsedFilter(kind, view.filter), text, kind.columns.indexOf(shown[c]!))
              : undefined
          }
        />
      )}
      <Crumbs crumbs={state.stack.map((v) => store.kindOf(v).crumb(v.scope))} />
      <Flash flash={state.flash} width={columns} />
    </Box>
  );
}

const subscribeNothing = () => () => {};
const nothing = () => undefined;

function scopeLabel(scope: Scope): string {
  const parts = [
    scope.clusterName,
    scope.serviceName ?? scope.instanceId,
    scope.taskArn && resourceName(scope.taskArn),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" / ") : "all clusters";
}

function emptyText(entry: CacheEntry | undefined, filter: string, setupFailure: string | undefined): string {
  if (setupFailure) return "not connected: see the message below";
  if (entry?.rows) return filter ? "no rows match the filter" : sanitizeCell(entry.empty ?? "no rows");
  return entry?.failure ? "could not load: see the message below" : "loading…";
}

/** "updated 3s ago", or "stale" when the last refresh failed or is long overdue. */
function freshness(
  entry: CacheEntry | undefined,
  now: number,
  refreshMs: number,
): [string, Tone | undefined] {
  if (!entry?.updatedAt) return entry?.failure ? ["failed", "bad"] : ["loading…", "progress"];
  const age = formatAge(new Date(entry.updatedAt), now);
  if (entry.failure || now - entry.updatedAt > 3 * refreshMs) return [`stale, updated ${age} ago`, "bad"];
  return [`updated ${age} ago`, undefined];
}
