import { describe, expect, it } from "vitest";
import { parseOptions } from "../../../source/app/options.js";

describe("parseOptions", () => {
  it("defaults to AWS with a 5 s refresh", () => {
    expect(parseOptions([])).toEqual({
      command: "run",
      options: {
        demo: false,
        profile: undefined,
        region: undefined,
        endpointUrl: undefined,
        refreshMs: 5000,
        logBufferLines: 100_000,
        readOnly: false,
      },
    });
  });

  it("reads every flag", () => {
    const parsed = parseOptions([
      "--profile",
      "prod",
      "--region",
      "eu-west-1",
      "--endpoint-url",
      "http://127.0.0.1:5000",
      "--refresh",
      "2.5",
      "--log-buffer",
      "20000",
      "--readonly",
    ]);
    expect(parsed).toEqual({
      command: "run",
      options: {
        demo: false,
        profile: "prod",
        region: "eu-west-1",
        endpointUrl: "http://127.0.0.1:5000",
        refreshMs: 2500,
        logBufferLines: 20_000,
        readOnly: true,
      },
    });
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--refresh", "0"], /--refresh takes a number of seconds/],
    [["--refresh", "soon"], /--refresh takes a number of seconds/],
    [["--log-buffer", "10"], /--log-buffer takes a whole number of lines ≥ 1000/],
    [["--region", "mars"], /not a region name/],
    [["--endpoint-url", "localhost:5000"], /not an http\(s\) URL/],
    [["--profile", ""], /--profile needs a value/],
    [["--demo", "--profile", "x"], /cannot be combined/],
    [["stray"], /positional/],
    [["--service", "web"], /^--service needs --cluster$/],
    [["--task", "abc"], /^--task needs --cluster$/],
    [["--cluster", " "], /^--cluster needs a value$/],
  ])("rejects %j with a one-line reason", (argv, message) => {
    const parsed = parseOptions(argv);
    expect(parsed.command).toBe("error");
    if (parsed.command !== "error") return;
    expect(parsed.message).toMatch(message);
    expect(parsed.message).not.toContain("\n");
  });

  it("reads a deep link: --cluster alone, or with --service and --task", () => {
    const deepLink = (argv: string[]) => {
      const parsed = parseOptions(argv);
      return parsed.command === "run" ? parsed.options.deepLink : parsed;
    };
    expect(deepLink([])).toBeUndefined();
    expect(deepLink(["--cluster", "prod"])).toEqual({ cluster: "prod" });
    expect(deepLink(["--cluster", "prod", "--service", "web", "--task", "abc"])).toEqual({
      cluster: "prod",
      service: "web",
      task: "abc",
    });
  });

  it("answers --help and --version before anything else", () => {
    expect(parseOptions(["--refresh", "9", "-h"]).command).toBe("help");
    expect(parseOptions(["--version"]).command).toBe("version");
  });
});
