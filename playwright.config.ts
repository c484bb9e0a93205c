import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/support/chromium";
import { serverEnv } from "./tests/e2e/support/server-env";

const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "tests/e2e",
  // Separate output per build directory, so parallel runs (NEXT_DIST_DIR) do not clean up each other's artifacts.
  outputDir: process.env.NEXT_DIST_DIR ? `test-results/${process.env.NEXT_DIST_DIR.replace(/^\.+/, "")}` : "test-results",
  // Two shared cores: the host's speed varies up to ~3× within an evening (docs/BENCHMARKS.md), and
  // the long multi-browser tests took 50–60 s on a slow hour. Their steps wait on expectations, so a
  // larger budget makes a slow run pass, never a wrong one.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `${process.execPath} --import tsx lib/server/main.ts`,
    url: `http://localhost:${port}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: serverEnv(port),
  },
});
