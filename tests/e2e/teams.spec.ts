import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { invitedPerson } from "./support/people";

test("the teams page lists every team with its member count and my role", async ({ page }) => {
  await signIn(page, "pm@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  const payments = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Payments", exact: true }) });
  await expect(payments).toContainText("You: product manager");
  await expect(payments).toContainText(/\d+ members?/);
  for (const name of ["Platform", "Search"]) {
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row).toContainText(/\d+ members?/);
    await expect(row).not.toContainText("You:");
  }
  await payments.getByRole("link", { name: "Payments", exact: true }).click();
  await expect(page).toHaveURL(/\/teams\/payments$/);
  await expect(page.getByRole("heading", { name: "Recent incidents" })).toBeVisible();
});

test("a product manager changes a member's role and removes them in their team, but cannot manage another team", async ({ browser, page }) => {
  // A newcomer of our own in Payments, so the demo team's people are left as they are.
  const person = await invitedPerson(browser, { team: "Payments", teamRole: "Member" });
  await signIn(page, "pm@example.com");
  await page.goto("/teams/payments");
  const role = page.getByLabel(`Team role of ${person.name}`);
  await expect(role).toHaveValue("MEMBER");
  await role.selectOption({ label: "Product manager" });
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText(`${person.name} is now a product manager of the team.`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Team role of ${person.name}`)).toHaveValue("PRODUCT_MANAGER");

  // Removing asks first; cancelling keeps them.
  await page.getByRole("button", { name: `Remove ${person.name} from Payments` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel(`Team role of ${person.name}`)).toBeVisible();
  await page.getByRole("button", { name: `Remove ${person.name} from Payments` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove from team" }).click();
  await expect(page.getByText(`Removed ${person.name} from the team.`)).toBeVisible();
  await expect(page.getByLabel(`Team role of ${person.name}`)).toHaveCount(0);

  // Platform: the product manager of Payments sees its members, with no controls.
  await page.goto("/teams/platform");
  await expect(page.getByRole("heading", { name: "Platform", level: 1 })).toBeVisible();
  await expect(page.getByText("Fran Facilitator")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByText("Admins and the team’s product managers add and remove members.")).toBeVisible();
});

test("members without a manager role see their team read-only", async ({ page }) => {
  await signIn(page, "responder1@example.com");
  await page.goto("/teams/payments");
  await expect(page.getByRole("heading", { name: "Payments", level: 1 })).toBeVisible();
  await expect(page.getByText("Priya PM").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
});

test("an unknown team is the ordinary 404", async ({ page }) => {
  await signIn(page, "observer@example.com");
  const response = await page.goto("/teams/no-such-team");
  expect(response?.status()).toBe(404);
});
