// `c` and `o` in a real terminal against `deckhand --demo`: the OSC 52 sequence the terminal gets,
// and the URL handed to $BROWSER (or put on the clipboard when there is no browser).
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENTER, startDeckhand, type Deckhand } from "../helpers/pty.js";

/** Every text put on the clipboard through OSC 52, decoded. */
function clipboard(app: Deckhand): string[] {
  // eslint-disable-next-line no-control-regex -- the sequence itself
  return [...app.raw().matchAll(/\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/g)].map((match) =>
    Buffer.from(match[1]!, "base64").toString("utf8"),
  );
}

async function prodServices(app: Deckhand): Promise<void> {
  await app.waitForText(/clusters\[\d+\]/);
  await app.waitForText("prod");
}

describe("copy and open", () => {
  it("c copies the ARN or the name (a small menu); o hands the console URL to $BROWSER", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deckhand-browser-"));
    const opened = join(dir, "opened.txt");
    const browser = join(dir, "browser.sh");
    writeFileSync(browser, `#!/bin/sh\necho "$1" >> "${opened}"\n`, { mode: 0o755 });
    const app = startDeckhand({
      args: ["--demo", "--cluster", "prod"],
      cols: 160,
      env: { BROWSER: browser },
    });
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitUntil(() => app.selectedLine() !== undefined, "a service is selected");
    const service = /^│(\S+)/.exec(app.selectedLine()!)![1]!;

    app.press("c");
    await app.waitForText("Copy to the clipboard");
    app.press(ENTER);
    await app.waitForText(/copied the ARN: arn:aws:ecs:us-east-1:\d+:service\/prod\//);
    expect(clipboard(app)).toEqual([
      expect.stringMatching(new RegExp(`^arn:aws:ecs:us-east-1:\\d+:service/prod/${service}$`)),
    ]);

    app.press("c");
    await app.waitForText("Copy to the clipboard");
    app.press("j");
    app.press(ENTER);
    await app.waitForText(`copied the name: ${service}`);
    expect(clipboard(app).at(-1)).toBe(service);

    app.press("o");
    await app.waitForText("opened https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/");
    const url = `https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/${service}/health?region=us-east-1`;
    await app.waitUntil(
      () => existsSync(opened) && readFileSync(opened, "utf8").trim() === url,
      "$BROWSER got the URL",
    );
    await app.close();
  });

  it("o without a browser puts the URL on the clipboard and shows it", async () => {
    const app = startDeckhand({
      args: ["--demo"],
      cols: 160,
      env: { BROWSER: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
    });
    await prodServices(app);
    await app.waitUntil(() => app.selectedLine() !== undefined, "a cluster is selected");
    app.press("o");
    await app.waitForText("no browser here; the console URL is on the clipboard");
    expect(clipboard(app).at(-1)).toMatch(
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/\S+\/services\?region=us-east-1$/,
    );
    await app.close();
  });

  it("o on a family listed from no cluster opens its page in the session's region", async () => {
    const app = startDeckhand({
      args: ["--demo"],
      cols: 160,
      env: { BROWSER: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
    });
    await prodServices(app);
    app.press(":");
    await app.type("td");
    app.press(ENTER);
    await app.waitForText(/families\[\d+\]/);
    await app.waitUntil(() => app.selectedLine() !== undefined, "a family is selected");
    const family = /^│(\S+)/.exec(app.selectedLine()!)![1]!;
    app.press("o");
    await app.waitForText("no browser here; the console URL is on the clipboard");
    expect(clipboard(app).at(-1)).toBe(
      `https://us-east-1.console.aws.amazon.com/ecs/v2/task-definitions/${family}?region=us-east-1`,
    );
    await app.close();
  });
});
