import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/auth/password-form";
import { Card, CardBody } from "@/components/ui/card";
import { needsSetup } from "@/lib/users/first-admin";
import { createFirstAdminAction } from "./actions";

export const metadata = { title: "Set up Debrief" };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/sign-in");
  return (
    <Card>
      <CardBody className="space-y-6 p-6 sm:p-8">
        <div>
          <h1 className="text-xl font-semibold">Welcome to Debrief</h1>
          <p className="mt-1 text-sm text-muted">
            Nobody has signed up yet. Create the first account: it becomes the admin, who sets up teams and invites everyone else.
          </p>
        </div>
        <PasswordForm action={createFirstAdminAction} submitLabel="Create admin account" />
      </CardBody>
    </Card>
  );
}
