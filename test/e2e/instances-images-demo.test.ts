// Container instances and images in a real terminal against `deckhand --demo`: `:ci` lists the EC2
// cluster's hosts (one with its agent disconnected), `i` on a Fargate-only cluster says it has
// none, and `i` on a container shows its ECR image (tags, size, scan with critical findings) or,
// for a Docker Hub image, where it comes from and that deckhand cannot inspect it.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

/** From the batch-ec2 services: into the first task of `service`, then `i` on its app container. */
async function openImage(app: Deckhand, service: string): Promise<void> {
  app.press("/");
  await app.type(`name:^${service}$`);
  app.press(ENTER);
  await app.waitForText(/services\(batch-ec2\)\[1\/\d+\]/);
  app.press(ENTER);
  await app.waitForText(new RegExp(`tasks\\(batch-ec2/${service}\\)\\[running\\]\\[[1-9]`));
  app.press(ENTER);
  await app.waitForText(/containers\([0-9a-f]{32}\)\[[1-9]/);
  app.press("/");
  await app.type(`name:^${service}$`);
  app.press(ENTER);
  await app.waitForText(/containers\([0-9a-f]{32}\)\[1\/\d+\]/);
  app.press("i");
  await app.waitForText(`image(${service})`);
}

async function backToServices(app: Deckhand): Promise<void> {
  // :svc goes back to the services as they were left (filtered).
  app.press(":");
  await app.type("svc");
  app.press(ENTER);
  await app.waitForText(/services\(batch-ec2\)\[1\/\d+\]/);
  app.press(ESC); // clears the filter
  await app.waitForText(/services\(batch-ec2\)\[\d+\]/);
}

describe("container instances and images", () => {
  it(":ci lists an EC2 cluster's instances; i on a Fargate cluster says it has none", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "batch-ec2"], cols: 180 });
    await app.waitForText(/services\(batch-ec2\)\[\d+\]/);
    app.press(":");
    await app.type("ci");
    app.press(ENTER);
    await app.waitForText(/instances\(batch-ec2\)\[3\]/);
    await app.waitForText("disconnected");
    const screen = app.screen();
    expect(screen).toMatch(/INSTANCE\s+STATUS\s+AGENT\s+AGENT VERSION\s+CPU USED\s+MEM USED\s+RUNNING/);
    const rows = screen.split("\n").filter((line) => /i-0[0-9a-f]{16}/.test(line));
    expect(rows).toHaveLength(3);
    expect(rows.filter((line) => line.includes("disconnected"))).toHaveLength(1);
    expect(rows.every((line) => /ACTIVE .*\d+\/4096 +\d+%.*us-east-1[abc]\s+m6i\.xlarge/.test(line))).toBe(
      true,
    );

    app.press("d");
    await app.waitForText('"containerInstanceArn"');
    app.press(ESC);
    await app.waitForText(/instances\(batch-ec2\)\[3\]/);

    // enter: the tasks placed on the instance under the cursor.
    const instanceId = /i-0[0-9a-f]{16}/.exec(app.selectedLine() ?? "")?.[0];
    expect(instanceId).toBeDefined();
    app.press(ENTER);
    await app.waitForText(new RegExp(`tasks\\(batch-ec2/${instanceId}\\)\\[running\\]\\[[1-9]`));
    await app.waitForText(`<${instanceId}>`);
    app.press(ESC);
    await app.waitForText(/instances\(batch-ec2\)\[3\]/);

    app.press(":");
    await app.type("cl");
    app.press(ENTER);
    await app.waitForText(/clusters\[\d+\]/);
    app.press("/");
    await app.type("name:^prod$");
    app.press(ENTER);
    await app.waitForText(/clusters\[1\/\d+\]/);
    app.press("i");
    await app.waitForText("instances(prod)[0]");
    await app.waitForText("no container instances: this cluster runs on Fargate");
    await app.close();
  });

  it("i on a container shows its ECR image and scan; a Docker Hub image is named, not inspected", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "batch-ec2"], cols: 180 });
    await app.waitForText(/services\(batch-ec2\)\[\d+\]/);

    await openImage(app, "image-resizer");
    await app.waitForText(/image\(image-resizer\)\[1\]/);
    expect(app.screen()).toMatch(
      /REPOSITORY\s+TAGS\s+DIGEST\s+SIZE\s+PUSHED\s+SCAN\s+CRITICAL\s+HIGH\s+MEDIUM\s+LOW/,
    );
    const row = app
      .screen()
      .split("\n")
      .find((line) => line.includes("image-resizer ") && line.includes("COMPLETE"));
    expect(row).toMatch(
      /image-resizer\s+v\d+\.\d+\.\d+\s+[0-9a-f]{12}\s+\d+\.\d MB\s+\S+\s+COMPLETE\s+[1-9]\d*\s+\d+/,
    );
    app.press("d");
    await app.waitForText('"findingSeverityCounts"');
    await app.waitForText('"CRITICAL"');
    app.press(ESC);
    await app.waitForText(/image\(image-resizer\)\[1\]/);
    await backToServices(app);

    await openImage(app, "clamav-scanner");
    await app.waitForText(
      "clamav/clamav:1.3.1 comes from Docker Hub: deckhand can inspect only images in private Amazon ECR registries",
    );
    await backToServices(app);

    await openImage(app, "report-generator");
    await app.waitForText("never scanned");
    await app.close();
  });
});
