/**
 * The first visit to a real install: an empty database without demo data. Debrief sends the
 * visitor to /setup, which creates the admin, and closes once it has. This file runs its own
 * server on its own fresh database (dropped afterwards) and data folder.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/ports";
import { query } from "./support/database";
import { startDebriefServer, type DebriefServer } from "./support/debrief-server";

let database: TestDatabase | undefined;
let dataDir: string | undefined;
let server: DebriefServer | undefined;

test.afterEach(async () => {
  await server?.stop();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("on an empty database the first visitor is sent to /setup, creates the admin, and signs in with it", async ({ browser }) => {
  test.setTimeout(240_000);
  database = await createTestDatabase("setup");
  dataDir = await mkdtemp(path.join(os.tmpdir(), "debrief-e2e-setup-"));
  const port = await freePort();
  server = await startDebriefServer(port, { DATABASE_URL: database.url, DEBRIEF_DEMO: "0", DEBRIEF_DATA_DIR: dataDir });
  expect(await query(`SELECT id FROM "User"`, [], database.url)).toHaveLength(0);

  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`^${server.url}/setup$`));
  await expect(page.getByRole("heading", { name: "Welcome to Debrief" })).toBeVisible();
  // The sign-in page is no way around it either.
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/setup$/);

  const name = page.getByLabel(/^Your name/);
  const email = page.getByLabel(/^E-mail/);
  const password = page.getByLabel(/^Password/);
  const confirm = page.getByLabel(/^Repeat the password/);
  const submit = page.getByRole("button", { name: "Create admin account" });

  // Too short a password: said beside the field, and what was typed (but the passwords) is kept.
  await name.fill("Ada Admin");
  await email.fill("Ada@Example.com");
  await password.fill("short");
  await confirm.fill("short");
  await submit.click();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 10 characters\./);
  await expect(name).toHaveValue("Ada Admin");
  await expect(email).toHaveValue("Ada@Example.com");
  await expect(password).toHaveValue("");

  // Passwords that do not match: said beside the repeat field.
  await password.fill("a long enough passphrase");
  await confirm.fill("a long enough passphrase!");
  await submit.click();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription(/The passwords do not match\./);
  await expect(password).not.toHaveAttribute("aria-invalid", "true");
  expect(await query(`SELECT id FROM "User"`, [], database.url)).toHaveLength(0);

  await password.fill("a long enough passphrase");
  await confirm.fill("a long enough passphrase");
  await submit.click();
  await expect(page).toHaveURL(/\/sign-in/);
  const users = await query<{ email: string; name: string; role: string }>(`SELECT email, name, role FROM "User"`, [], database.url);
  expect(users).toEqual([{ email: "ada@example.com", name: "Ada Admin", role: "ADMIN" }]);

  // A real install lists no demo users, and setup is closed now.
  await expect(page.getByRole("region", { name: "Demo organisation" })).toHaveCount(0);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("E-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${server.url}/$`));
  await expect(page.getByRole("heading", { name: "Hello, Ada" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Ada Admin/ }).first()).toContainText("ada@example.com");

  await context.close();
});
