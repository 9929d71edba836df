// The lines of a container's start and end: the banner, SIGTERM and a clean exit, a finished job,
// and the last words of an app killed for running out of memory (exit 137). Each function returns
// records; every line of a record shares its timestamp.
import type { LineSource } from "./line-source.js";
import { render } from "./app-lines.js";
import { goPanic, javaTrace } from "./stack-traces.js";
import { classOf, isoTime, slashTime } from "./words.js";
import { Rng } from "../../random.js";

type Records = string[][];

export function startupRecords(source: LineSource, t: number): Records {
  switch (source.program) {
    case "datadog-agent":
      return [
        [
          `${agentTime(t)} | CORE | INFO | (pkg/util/log/log.go:618 in func1) | Starting Datadog Agent v7.54.1`,
        ],
        [
          `${agentTime(t)} | CORE | INFO | (comp/core/tagger/taggerimpl/tagger.go:194 in Start) | ECS Fargate tagger started`,
        ],
      ];
    case "envoy":
      return [
        [
          `[${isoTime(t)}][1][info][main] [source/server/server.cc:430] initializing epoch 0 (base id=0, hot restart version=11.104)`,
        ],
        [
          `[${isoTime(t)}][1][info][main] [source/server/server.cc:929] all clusters initialized. initializing init manager`,
        ],
        [
          `[${isoTime(t)}][1][info][upstream] [source/common/upstream/cluster_manager_impl.cc:222] cm init: all clusters initialized`,
        ],
      ];
    case "log-router":
      return [
        ["Fluent Bit v1.9.10"],
        ["* Copyright (C) 2015-2022 The Fluent Bit Authors"],
        [`[${slashTime(t)}] [ info] [fluent bit] version=1.9.10, commit=6345fd1e40, pid=1`],
        [`[${slashTime(t)}] [ info] [input:forward:forward.1] listening on unix:///var/run/fluent.sock`],
        [`[${slashTime(t)}] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] worker #0 started`],
      ];
    default:
      return appStartup(source, t);
  }
}

function appStartup(source: LineSource, t: number): Records {
  const listening = source.web ? `listening on :${source.port}` : `consumer started, group ${source.app}`;
  switch (source.language) {
    case "java":
      return [
        `Starting ${classOf(source.app)}Application v${source.version} using Java 21.0.5 with PID 1`,
        `The following 1 profile is active: "${source.environment}"`,
        source.web
          ? `Tomcat initialized with port ${source.port} (http)`
          : "Kafka consumer factory configured (max.poll.records=100)",
        `Started ${classOf(source.app)}Application in ${(7 + (t % 5000) / 1000).toFixed(3)} seconds (process running for 9.8)`,
      ].map((msg) => render(source, t, { level: "info", msg, fields: {} }));
    case "python":
      return source.web
        ? [
            [`[${isoTime(t).slice(0, 19).replace("T", " ")} +0000] [1] [INFO] Starting gunicorn 22.0.0`],
            [
              `[${isoTime(t).slice(0, 19).replace("T", " ")} +0000] [1] [INFO] Listening at: http://0.0.0.0:${source.port} (1)`,
            ],
            [`[${isoTime(t).slice(0, 19).replace("T", " ")} +0000] [1] [INFO] Booting worker with pid: 8`],
          ]
        : [
            render(source, t, {
              level: "info",
              msg: `celery@${source.taskId.slice(0, 12)} ready.`,
              fields: {},
            }),
          ];
    default:
      return [
        render(source, t, {
          level: "info",
          msg: `starting ${source.app}`,
          fields: { version: source.version },
        }),
        render(source, t, { level: "info", msg: "connected to database", fields: { pool_size: 20 } }),
        render(source, t, { level: "info", msg: listening, fields: {} }),
      ];
  }
}

/** After ECS sends SIGTERM (a deployment, scale-in, failed health checks, maintenance). */
export function terminatingRecords(source: LineSource, t: number): Records {
  switch (source.program) {
    case "datadog-agent":
      return [
        [
          `${agentTime(t)} | CORE | INFO | (cmd/agent/subcommands/run/command.go:296 in func5) | Received signal 'terminated', shutting down...`,
        ],
      ];
    case "envoy":
      return [[`[${isoTime(t)}][1][warning][main] [source/server/server.cc:867] caught ENVOY_SIGTERM`]];
    case "log-router":
      return [
        [`[${slashTime(t)}] [engine] caught signal (SIGTERM)`],
        [`[${slashTime(t)}] [ warn] [engine] service will shutdown in max 5 seconds`],
      ];
    default:
      return [
        render(source, t, { level: "info", msg: "received SIGTERM, draining connections", fields: {} }),
      ];
  }
}

/** The last line before the container exits after SIGTERM. */
export function exitRecords(source: LineSource, t: number): Records {
  switch (source.program) {
    case "datadog-agent":
      return [[`${agentTime(t)} | CORE | INFO | (pkg/collector/scheduler.go:128 in Stop) | See ya!`]];
    case "envoy":
      return [[`[${isoTime(t)}][1][info][main] [source/server/server.cc:1000] exiting`]];
    case "log-router":
      return [[`[${slashTime(t)}] [ info] [engine] service has stopped (0 pending tasks)`]];
    default:
      return [render(source, t, { level: "info", msg: "shutdown complete", fields: {} })];
  }
}

/** A job's essential container finishing on its own (exit 0). */
export function jobDoneRecords(source: LineSource, t: number): Records {
  const rng = new Rng(t);
  return [
    render(source, t, {
      level: "info",
      msg: `job finished: ${rng.int(1_000, 900_000)} rows in ${((t - source.startedAt) / 1000).toFixed(1)}s, exiting 0`,
      fields: {},
    }),
  ];
}

/** What the runtime prints as it runs out of memory; the kernel's OOM killer ends it (exit 137). */
export function outOfMemoryRecords(source: LineSource, t: number): Records {
  const rng = new Rng(t);
  switch (source.language) {
    case "java":
      return [
        javaTrace(
          source.app,
          rng,
          'Exception in thread "http-nio-8080-exec-4" java.lang.OutOfMemoryError: Java heap space',
        ),
        ["Terminating due to java.lang.OutOfMemoryError: Java heap space"],
      ];
    case "python":
      return [
        render(source, t, { level: "error", msg: "MemoryError while building report batch", fields: {} }),
        [
          `[${isoTime(t).slice(0, 19).replace("T", " ")} +0000] [1] [ERROR] Worker (pid:8) was sent SIGKILL! Perhaps out of memory?`,
        ],
      ];
    case "go":
      return [goPanic(source.app, rng, "fatal error: runtime: out of memory")];
    default:
      return [
        [
          "<--- Last few GCs --->",
          "",
          `[1:0x${rng.hex(8)}]    ${rng.int(60_000, 90_000)} ms: Mark-Compact 2031.6 (2083.4) -> 2029.8 (2083.9) MB, 1480.22 / 0.00 ms  (average mu = 0.112, current mu = 0.041) allocation failure; scavenge might not succeed`,
        ],
        ["FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"],
        [
          " 1: 0xb8a5a0 node::Abort() [node]",
          " 2: 0xa9b7c1 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]",
        ],
      ];
  }
}

const agentTime = (t: number): string => `${isoTime(t).slice(0, 19).replace("T", " ")} UTC`;
