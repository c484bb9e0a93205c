/**
 * A team's backlog in the browser: the product manager is sent there from My work (and finds it
 * under "Backlogs"), ranks it with
 * the move buttons from the keyboard, with dnd-kit's keyboard dragging (Space, arrows, Space) and
 * with the mouse, and sets a priority — each saved, as the API confirms; a team member without
 * rights reads the same list with no controls (and the API refuses a move); someone outside the
 * team is told the backlog is the team's.
 */
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { baseUrlOf, bearerClientFor, expectError, expectJson } from "./support/api-client";
import { signIn } from "./support/auth";
import { backlogTitles, reviewInActionPlanning } from "./actions-fixtures";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const A = "Alpha: retry single messages, not the batch";
const B = "Bravo: an idempotency key per refund e-mail";
const C = "Charlie: alert when e-mail volume doubles";
const D = "Delta: name the notification worker's owning team";

const rowTitles = (list: Locator) => list.locator(":scope > li h3").allInnerTexts();

test("the product manager ranks by keyboard and by drag and drop; a member reads it; others are told it is the team's", async ({ browser, playwright }, info) => {
  const baseURL = baseUrlOf(info);
  const review = await reviewInActionPlanning(playwright, baseURL, { team: "payments", findings: [["CONTRIBUTING_TECHNICAL", "The worker retried whole batches"]] });
  for (const title of [A, B, C, D]) await expectJson(await review.facilitator.post(`/api/v1/reviews/${review.id}/action-items`, { data: { title, teamId: review.teamId } }), 201);
  const ranked = () => backlogTitles(review.admin, review.teamId, review.id);
  expect(await ranked()).toEqual([A, B, C, D]);

  // Priya's My work says new actions wait in her backlog, and takes her there.
  const pm = await signedIn(browser, "pm@example.com");
  await pm.goto("/");
  const toRank = pm.getByRole("region", { name: "Backlogs you rank" }).getByRole("listitem").filter({ hasText: "Payments" });
  await expect(toRank).toContainText(/\d+ new actions? (to rank|since you last ranked)/);
  await toRank.getByRole("link", { name: "Payments" }).click();
  await expect(pm).toHaveURL(/\/teams\/payments\/backlog$/);

  // She also finds it under "Backlogs" in the sidebar.
  await pm.goto("/");
  await pm.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Backlogs" }).click();
  await pm.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Payments/ }).click();
  await expect(pm).toHaveURL(/\/teams\/payments\/backlog$/);
  await expect(pm.getByRole("heading", { name: "Payments backlog" })).toBeVisible();
  await pm.getByLabel("Review").selectOption({ label: review.title });
  await expect(pm).toHaveURL(new RegExp(`reviewId=${review.id}`));
  const list = pm.getByRole("list", { name: /^Backlog of Payments/ });
  await expect.poll(() => rowTitles(list)).toEqual([A, B, C, D]);

  // The move buttons, from the keyboard: the focus stays on the button, the list moves at once, the server agrees.
  const row = (title: string) => list.getByRole("listitem", { name: title });
  const down = row(A).getByRole("button", { name: "Move down" });
  await down.focus();
  await pm.keyboard.press("Enter");
  await expect.poll(() => rowTitles(list)).toEqual([B, A, C, D]);
  await expect(down).toBeFocused();
  await expect.poll(ranked).toEqual([B, A, C, D]);
  const top = row(D).getByRole("button", { name: "Move to the top" });
  await top.focus();
  await pm.keyboard.press("Enter");
  await expect.poll(ranked).toEqual([D, B, A, C]);
  await expect.poll(() => rowTitles(list)).toEqual([D, B, A, C]);

  // dnd-kit's keyboard dragging: Space lifts, arrows move, Space drops.
  const handleC = list.getByRole("button", { name: `Drag to rank “${C}”` });
  await handleC.focus();
  // Each key waits for the board's announcement of the last one, as a screen reader user would hear it
  // (keys pressed faster than the list re-measures can be lost on a busy machine).
  const announced = pm.locator('[id^="DndLiveRegion"]');
  // On a loaded machine dnd-kit can miss a key that arrives while it re-measures the list: a key
  // whose announcement has not come within two seconds is pressed again (never once it has come).
  const pressUntil = async (key: string, text: string) => {
    await expect(async () => {
      if (!(await announced.textContent())?.includes(text)) await pm.keyboard.press(key);
      await expect(announced).toContainText(text, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  };
  await pm.keyboard.press("Space");
  await expect(announced).toContainText(`“${C}” is now at position 4.`); // lifted, over its own place
  await pressUntil("ArrowUp", `“${C}” is now at position 3.`);
  await pressUntil("ArrowUp", `“${C}” is now at position 2.`);
  await pm.keyboard.press("Space");
  await expect(announced).toContainText(`Dropped “${C}” at position 2.`);
  await expect.poll(ranked).toEqual([D, C, B, A]);
  await expect.poll(() => rowTitles(list)).toEqual([D, C, B, A]);

  // The mouse: drag Alpha's handle above the first row.
  const from = (await list.getByRole("button", { name: `Drag to rank “${A}”` }).boundingBox())!;
  const to = (await row(D).boundingBox())!;
  await pm.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await pm.mouse.down();
  await pm.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await pm.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 20 });
  await pm.mouse.up();
  await expect.poll(ranked).toEqual([A, D, C, B]);
  await expect.poll(() => rowTitles(list)).toEqual([A, D, C, B]);

  // Priority, in place.
  await row(B).getByRole("combobox", { name: "Priority" }).selectOption("HIGH");
  await expect
    .poll(async () => (await expectJson<{ items: { title: string; priority: string }[] }>(await review.admin.get(`/api/v1/teams/${review.teamId}/backlog?reviewId=${review.id}`), 200)).items.find((i) => i.title === B)?.priority)
    .toBe("HIGH");

  // Ranked: nothing waits for her any more.
  await pm.goto("/");
  await expect(pm.getByRole("region", { name: "Backlogs you rank" }).getByRole("listitem").filter({ hasText: "Payments" })).toContainText("Nothing new since you last ranked");

  // A team member without ranking rights reads the same order, with no controls; the API refuses a move.
  const riley = await signedIn(browser, "responder1@example.com");
  await riley.goto(`/teams/payments/backlog?reviewId=${review.id}`);
  const readOnly = riley.getByRole("list", { name: /^Backlog of Payments/ });
  await expect.poll(() => rowTitles(readOnly)).toEqual([A, D, C, B]);
  await expect(riley.getByText("The team's product manager ranks them.")).toBeVisible();
  await expect(readOnly.getByRole("button")).toHaveCount(0);
  await expect(readOnly.getByRole("combobox")).toHaveCount(0);
  const rileyApi = await bearerClientFor(playwright, baseURL, "responder1@example.com");
  const items = await expectJson<{ items: { id: string; title: string }[] }>(await rileyApi.get(`/api/v1/teams/${review.teamId}/backlog?reviewId=${review.id}`), 200);
  await expectError(await rileyApi.patch(`/api/v1/action-items/${items.items[1]!.id}`, { data: { move: { to: "top" } } }), 403, "FORBIDDEN");
  expect(await ranked()).toEqual([A, D, C, B]);

  // Someone outside the team is told whose backlog it is.
  const oli = await signedIn(browser, "observer@example.com");
  await oli.goto("/teams/payments/backlog");
  await expect(oli.getByText("This backlog is for the team")).toBeVisible();
  await expect(oli.getByText("The backlog of Payments is for its members and admins.")).toBeVisible();

  await rileyApi.dispose();
  for (const p of [pm, riley, oli]) await p.context().close();
  await review.dispose();
});
