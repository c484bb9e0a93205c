/**
 * `npm run test:e2e`: builds the app, creates a fresh database (PostgreSQL from
 * TEST_DATABASE_URL, otherwise embedded), and runs the Playwright suite in real Chromium against
 * a real Debrief server. Without Chromium it says so plainly — and fails under CI.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findChromium } from "../support/chromium";
import { createTestDatabase } from "../support/database";
import { freePort } from "../support/ports";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    const message =
      "End-to-end tests need Chromium, and none was found (looked at $CHROMIUM_PATH and /usr/bin/chromium).\n" +
      "Install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH.";
    if (process.env.CI) {
      console.error(`\n✗ ${message}\n`);
      process.exit(1);
    }
    console.warn(`\n⚠ Skipping end-to-end tests. ${message}\n`);
    return;
  }

  console.log("▸ Building the web app for end-to-end tests…");
  const built = await run(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:1/placeholder",
  });
  if (built !== 0) process.exit(built);

  const database = await createTestDatabase("e2e");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "debrief-e2e-data-"));
  const [port, oidcPort] = await Promise.all([freePort(), freePort()]);
  console.log(`▸ End-to-end tests on http://localhost:${port} with ${database.kind === "embedded" ? "an embedded database" : "PostgreSQL"}`);
  const code = await run(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
    ...process.env,
    CHROMIUM_PATH: chromium,
    E2E_PORT: String(port),
    E2E_OIDC_PORT: String(oidcPort),
    E2E_DATABASE_URL: database.url,
    E2E_DATA_DIR: dataDir,
  });
  await database.drop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
