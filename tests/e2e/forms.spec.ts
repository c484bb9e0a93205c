import { expect, test, type Page } from "@playwright/test";
import { baseUrlOf } from "./support/api-client";
import { signIn } from "./support/auth";
import { reviewInPhase } from "./support/reviews";

/** Holds the page's next server-action POST to `path` until the returned release() is called. */
async function holdNextAction(page: Page, path: RegExp): Promise<{ held: Promise<void>; release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let markHeld!: () => void;
  const held = new Promise<void>((resolve) => (markHeld = resolve));
  await page.route(path, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      markHeld();
      await gate;
    }
    await route.continue();
  });
  return { held, release };
}

test("while a form is being sent its fields refuse typing, so nothing typed meanwhile is silently lost", async ({ page }) => {
  const title = `Held form ${Date.now()}`;
  await signIn(page, "facilitator@example.com");
  await page.goto("/incidents/new");
  const titleField = page.getByLabel("Title");
  await titleField.fill(title);
  await page.getByLabel("Severity").selectOption("SEV3");
  await page.getByLabel("Owning team").selectOption({ label: "Platform" });
  await page.getByLabel("Started").fill("2026-11-20T10:00");
  await page.getByLabel("Detected").fill("2026-11-20T09:00"); // before the start: the server refuses it
  await page.getByLabel("Affected services").fill("search-api");

  const { held, release } = await holdNextAction(page, /\/incidents\/new/);
  await page.getByRole("button", { name: "Record incident" }).click();
  await held;
  // The action is on its way: the button says so and every field is disabled (React resets the form when the answer comes).
  await expect(titleField).toBeDisabled();
  await expect(page.getByLabel("Affected services")).toBeDisabled();
  await expect(page.locator("fieldset[aria-busy=true]")).toHaveCount(1);
  release();

  // The answer: the field error, what was sent kept, and the fields usable again.
  await expect(page.getByText("Detection cannot be before the incident started.")).toBeVisible();
  await expect(page.getByLabel("Detected")).toBeFocused(); // the field to fix has the keyboard focus
  await expect(titleField).toBeEnabled();
  await expect(titleField).toHaveValue(title);
  await expect(page.locator("fieldset[aria-busy=true]")).toHaveCount(0);
  await page.getByLabel("Detected").fill("2026-11-20T10:05");
  await page.getByRole("button", { name: "Record incident" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("refused account settings keep what the facilitator sent, not the stored ones", async ({ page, playwright }, info) => {
  const { id } = await reviewInPhase(playwright, baseUrlOf(info), { responders: ["responder1@example.com"], phase: "INDEPENDENT" });
  await signIn(page, "facilitator@example.com");
  await page.goto(`/reviews/${id}/status`);
  const prompts = page.getByLabel("Guiding questions");
  const anonymise = page.getByRole("checkbox", { name: /Anonymise accounts/ });
  const stored = await prompts.inputValue();
  const edited = `${stored}\nWhat would you change first?`;
  const wasAnonymised = await anonymise.isChecked();
  await prompts.fill(edited);
  await anonymise.setChecked(!wasAnonymised);
  await page.getByLabel("Deadline").fill("2020-01-01T10:00"); // in the past: refused
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Choose a time in the future.")).toBeVisible();
  await expect(page.getByLabel("Deadline")).toBeFocused();
  await expect(prompts).toHaveValue(edited);
  await expect(anonymise).toBeChecked({ checked: !wasAnonymised });
  await expect(page.getByLabel("Deadline")).toHaveValue("2020-01-01T10:00");

  // Fixed and sent again, the settings are stored as sent.
  await page.getByLabel("Deadline").fill("2099-01-01T10:00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(prompts).toHaveValue(edited);
  await expect(anonymise).toBeChecked({ checked: !wasAnonymised });
});

test("a refused chat webhook URL stays in its field to be corrected", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/teams/platform/tracker");
  const url = page.getByLabel("Incoming webhook URL");
  await url.fill("http://hooks.example.com/services/T000/B000/XXXX"); // not https: refused
  await page.getByRole("button", { name: /^(Save|Replace or remove)$/ }).click();
  await expect(page.getByText("The webhook URL must start with https://.")).toBeVisible();
  await expect(url).toHaveValue("http://hooks.example.com/services/T000/B000/XXXX");
});

test("a refused follow keeps what was typed in its field", async ({ page }) => {
  await signIn(page, "responder2@example.com");
  await page.goto("/settings/following");
  const service = page.getByLabel("A service");
  await service.fill("   "); // passes the browser's `required`, refused by the server once trimmed
  await page.locator("form").filter({ has: service }).getByRole("button", { name: "Follow" }).click();
  await expect(page.locator("form").filter({ has: service }).getByRole("alert")).toBeVisible();
  await expect(service).toHaveValue("   ");
});
