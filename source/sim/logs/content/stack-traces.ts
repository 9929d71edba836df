// Stack traces as each runtime prints them. awslogs turns every line of stdout into its own event,
// so a Java or Python trace arrives as a run of events with the same timestamp.
import type { Rng } from "../../random.js";
import { classOf, packageOf, resourceOf } from "./words.js";

const JAVA_FRAMEWORK = [
  "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
  "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
  "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)",
  "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1740)",
  "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)",
  "java.base/java.lang.Thread.run(Thread.java:1583)",
];

const JAVA_EXCEPTIONS = [
  "java.lang.IllegalStateException: Order is not in a state that allows this transition",
  'java.lang.NullPointerException: Cannot invoke "String.length()" because "value" is null',
  "org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection",
  "java.net.SocketTimeoutException: Read timed out",
];

export function javaTrace(app: string, rng: Rng, headline = rng.pick(JAVA_EXCEPTIONS)): string[] {
  const pkg = `com.acme.${packageOf(app)}`;
  const cls = classOf(resourceOf(app));
  const lines = [headline];
  const own = rng.int(3, 6);
  for (let i = 0; i < own; i++) {
    const layer = rng.pick(["service", "web", "repository", "client"]);
    const kind = { service: "Service", web: "Controller", repository: "Repository", client: "Client" }[layer];
    const method = rng.pick(["handle", "process", "find", "update", "apply", "lambda$submit$0"]);
    lines.push(`\tat ${pkg}.${layer}.${cls}${kind}.${method}(${cls}${kind}.java:${rng.int(30, 420)})`);
  }
  lines.push(...JAVA_FRAMEWORK.slice(rng.int(0, 3)).map((frame) => `\tat ${frame}`));
  if (rng.chance(0.5)) {
    lines.push(
      "Caused by: org.postgresql.util.PSQLException: This connection has been closed.",
      "\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)",
      `\t... ${rng.int(12, 48)} more`,
    );
  }
  return lines;
}

const PYTHON_ERRORS = [
  "KeyError: 'customer_id'",
  "ValueError: invalid literal for int() with base 10: 'null'",
  "psycopg2.OperationalError: server closed the connection unexpectedly",
  "TimeoutError: [Errno 110] Connection timed out",
];

export function pythonTrace(app: string, rng: Rng, last = rng.pick(PYTHON_ERRORS)): string[] {
  const pkg = packageOf(app);
  const lines = ["Traceback (most recent call last):"];
  const frames = rng.int(3, 6);
  for (let i = 0; i < frames; i++) {
    const file = rng.pick(["views", "handlers", "service", "repository", "tasks", "clients"]);
    const fn = rng.pick(["handle", "process_message", "get_object", "apply_discount", "_fetch", "run"]);
    lines.push(`  File "/app/${pkg}/${file}.py", line ${rng.int(12, 380)}, in ${fn}`);
    lines.push(
      `    ${rng.pick(["result = self._client.fetch(key)", "row = cursor.fetchone()", "return payload[field]", "value = int(raw)"])}`,
    );
  }
  lines.push(last);
  return lines;
}

/** A Node error's stack, as one string (structured loggers put it in a field) or as lines. */
export function nodeStack(app: string, rng: Rng, headline?: string): string[] {
  const resource = resourceOf(app);
  const lines = [
    headline ??
      rng.pick([
        "TypeError: Cannot read properties of undefined (reading 'id')",
        "Error: connect ECONNREFUSED 10.0.3.17:5432",
        "FetchError: request to http://pricing.prod.local:8080/api/v1/prices failed, reason: socket hang up",
      ]),
  ];
  const frames = rng.int(3, 6);
  for (let i = 0; i < frames; i++) {
    const fn = rng.pick(["handler", "process", "loadCart", "resolve", "next", "Layer.handle"]);
    lines.push(
      `    at ${fn} (/app/dist/${resource}/${rng.pick(["routes", "service", "db"])}.js:${rng.int(10, 600)}:${rng.int(5, 40)})`,
    );
  }
  lines.push("    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)");
  return lines;
}

export function goPanic(app: string, rng: Rng, headline?: string): string[] {
  const pkg = `github.com/acme/${app}`;
  return [
    headline ?? "panic: runtime error: invalid memory address or nil pointer dereference",
    `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x${rng.hex(6)}]`,
    "",
    `goroutine ${rng.int(20, 4000)} [running]:`,
    `${pkg}/internal/${packageOf(resourceOf(app))}.(*Handler).Serve(0xc000${rng.hex(6)}, {0x${rng.hex(6)}, 0xc000${rng.hex(6)}})`,
    `\t/src/internal/${packageOf(resourceOf(app))}/handler.go:${rng.int(40, 300)} +0x${rng.hex(3)}`,
    "net/http.HandlerFunc.ServeHTTP(0xc000a1e000?, {0x1a2b3c0?, 0xc000b3c1c0?}, 0x0?)",
    "\t/usr/local/go/src/net/http/server.go:2171 +0x29",
    "created by net/http.(*Server).Serve in goroutine 1",
    "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4",
  ];
}
