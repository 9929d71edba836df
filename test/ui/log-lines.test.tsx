// The log pane's lines rendered with ink-testing-library at the width and height they are given:
// the newest at the bottom while following, timestamps and sources, level colours, the current line
// as a bar, wrapping, search matches, markers where lines went missing, and nothing a log line says
// reaching the terminal as an escape sequence.
import { Box } from "ink";
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { LogMarker } from "../../source/features/logs/log-buffer.js";
import type { LogLine } from "../../source/features/logs/log-line.js";
import { INITIAL_PANE, type PaneView } from "../../source/features/logs/log-pane.js";
import { LogPaneStore } from "../../source/features/logs/log-pane-store.js";
import { indexMarkers, paneRows } from "../../source/ui/log-pane/layout.js";
import { LogPane, LogRow } from "../../source/ui/log-pane/log-pane.js";
import { stringWidth } from "../../source/ui/text-fit.js";
import { FakeFollower } from "./fake-follower.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const TASK = "0123456789abcdef0123456789abcdef";

const line = (n: number, message: string, extra: Partial<LogLine> = {}): LogLine => ({
  id: `e${String(n).padStart(6, "0")}`,
  timestamp: T0 + n * 1_000,
  taskId: TASK,
  container: "app",
  stream: `ecs/app/${TASK}`,
  group: "/ecs/api",
  message,
  ...extra,
});

const LINES = Array.from({ length: 30 }, (_, i) => line(i, `GET /orders/${i} 200 ${i + 3}ms`));

function PaneLines(props: {
  lines: LogLine[];
  view?: Partial<PaneView>;
  width: number;
  height: number;
  showSource?: boolean;
  markers?: LogMarker[];
}) {
  const view = { ...INITIAL_PANE, timestamps: "utc" as const, ...props.view };
  const rows = paneRows(props.lines, view, {
    width: props.width,
    height: props.height,
    now: T0 + 60_000,
    showSource: props.showSource ?? false,
    markers: indexMarkers(props.markers ?? []),
  });
  return (
    <Box flexDirection="column" width={props.width}>
      {rows.map((row, i) => (
        <LogRow key={i} row={row} />
      ))}
    </Box>
  );
}

describe("the log pane's lines", () => {
  it("show the newest lines at the bottom while following, each with its time, dimmed", () => {
    const shown = renderWidget(<PaneLines lines={LINES} width={60} height={5} />);
    expect(shown.lines).toEqual([
      "10:00:25.000Z GET /orders/25 200 28ms",
      "10:00:26.000Z GET /orders/26 200 29ms",
      "10:00:27.000Z GET /orders/27 200 30ms",
      "10:00:28.000Z GET /orders/28 200 31ms",
      "10:00:29.000Z GET /orders/29 200 32ms",
    ]);
    expect(shown.uniformStyleOf("10:00:29.000Z").dim).toBe(true);
    expect(shown.styleOf("GET /orders/29").dim).toBeFalsy();
  });

  it("colour errors red and warnings yellow, and leave other lines in the terminal's colour", () => {
    const lines = [
      line(1, "ERROR payment declined: card expired"),
      line(2, "level=warn msg=retrying"),
      line(3, '{"level":"error","msg":"db timeout"}'),
      line(4, "INFO listening on :8080"),
    ];
    const shown = renderWidget(<PaneLines lines={lines} width={70} height={4} />);
    expect(shown.uniformStyleOf("ERROR payment declined: card expired").color).toBe("red");
    expect(shown.uniformStyleOf("level=warn msg=retrying").color).toBe("yellow");
    expect(shown.styleOf('{"level":"error"').color).toBe("red");
    expect(shown.styleOf("INFO listening").color).toBeUndefined();
  });

  it("cut a long line at the pane's width, or wrap it under its message when wrapping is on", () => {
    const long = line(1, `POST /checkout ${"x".repeat(80)} done`);
    const cut = renderWidget(<PaneLines lines={[long]} width={40} height={3} />);
    expect(cut.lines).toHaveLength(1);
    expect([...cut.lines[0]!].length).toBeLessThanOrEqual(40);
    cleanup();
    const wrapped = renderWidget(<PaneLines lines={[long]} view={{ wrap: true }} width={40} height={5} />);
    expect(wrapped.lines.length).toBeGreaterThan(2);
    expect(wrapped.lines[0]).toMatch(/^10:00:01\.000Z POST \/checkout x+$/);
    // Continuation rows start under the message, not under the time.
    for (const row of wrapped.lines.slice(1)) expect(row).toMatch(/^ {14}\S/);
    expect(wrapped.lines.at(-1)).toMatch(/x done$/);
    for (const row of wrapped.lines) expect([...row].length).toBeLessThanOrEqual(40);
  });

  it("draw the current line as a bar across the pane once paused", () => {
    const view: Partial<PaneView> = {
      follow: false,
      anchor: { timestamp: LINES[29]!.timestamp, id: LINES[29]!.id },
      cursor: { timestamp: LINES[27]!.timestamp, id: LINES[27]!.id },
    };
    const shown = renderWidget(<PaneLines lines={LINES} view={view} width={60} height={5} />);
    const bar = shown.lines.findIndex((row) => row.includes("/orders/27 "));
    expect(shown.styles[bar]!.every((style) => style.inverse)).toBe(true);
    expect([...shown.lines[bar]!]).toHaveLength(60);
    expect(shown.styleOf("/orders/28 ").inverse).toBeFalsy();
  });

  it("highlight what the search matches, black on yellow", () => {
    const shown = renderWidget(
      <PaneLines lines={LINES} view={{ search: "orders/28" }} width={60} height={5} />,
    );
    expect(shown.uniformStyleOf("orders/28")).toMatchObject({ color: "black", background: "yellow" });
    expect(shown.styleOf("orders/27").background).toBeUndefined();
  });

  it("name each line's task and container when several log to the pane", () => {
    const lines = [line(1, "ready"), line(2, "ready", { container: "envoy", taskId: "fedcba9876543210" })];
    const shown = renderWidget(<PaneLines lines={lines} width={60} height={2} showSource />);
    expect(shown.lines).toEqual(["10:00:01.000Z 01234567/app ready", "10:00:02.000Z fedcba98/envoy ready"]);
    expect(shown.styleOf("01234567/app").color).toBeDefined();
  });

  it("say where lines are missing, in a marker row across the pane", () => {
    const markers: LogMarker[] = [{ afterId: LINES[27]!.id, kind: "dropped", count: 1234 }];
    const shown = renderWidget(<PaneLines lines={LINES} width={60} height={5} markers={markers} />);
    const marker = shown.lines.find((row) => row.includes("older lines dropped"));
    expect(marker).toMatch(/^── 1,234 older lines dropped \(buffer full\) ─+$/);
    expect([...marker!]).toHaveLength(60);
    expect(shown.styleOf("1,234 older lines")).toMatchObject({ color: "yellow", dim: true });
  });

  it("show escape sequences and wide characters from a log without breaking the frame", () => {
    const lines = [
      line(1, "\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u001b[31mgotcha\rrewritten"),
      line(2, `注文 ${"完了".repeat(30)}`),
    ];
    const shown = renderWidget(<PaneLines lines={lines} width={50} height={2} />);
    for (const control of ["\u0007", "\u001b", "\r"]) expect(shown.text).not.toContain(control);
    expect(shown.lines[0]).toContain("gotcha");
    expect(shown.styleOf("gotcha").color).toBeUndefined();
    expect(stringWidth(shown.lines[1]!)).toBeLessThanOrEqual(50);
  });
});

describe("the log pane's frame", () => {
  it("says what it shows and how, and closes its box exactly at its width", () => {
    const follower = new FakeFollower(1_000);
    follower.start();
    follower.add(LINES);
    const pane = new LogPaneStore("logs prod/api", follower, { save: () => "", copy: () => {} }, () => {});
    const shown = renderWidget(<LogPane pane={pane} width={70} height={8} now={T0 + 60_000} />);
    expect(shown.lines.length).toBeLessThanOrEqual(8);
    expect(shown.lines[0]).toMatch(/^┌─ logs prod\/api\[30\] ─+ live tail · history 5m ─┐$/);
    expect(shown.lines.at(-2)).toMatch(/GET \/orders\/29 200 32ms\s+│$/);
    expect(shown.lines.at(-1)).toMatch(/^└ following\s+┘$/);
    for (const line of shown.lines) expect([...line]).toHaveLength(70);
    pane.close();
  });
});
