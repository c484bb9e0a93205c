import Link from "next/link";
import { PasswordForm } from "@/components/auth/password-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { findOpenInvitation } from "@/lib/users/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata = { title: "Join Debrief" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  return (
    <Card>
      <CardBody className="space-y-6 p-6 sm:p-8">
        {invitation ? (
          <>
            <div>
              <h1 className="text-xl font-semibold">Join Debrief</h1>
              <p className="mt-1 text-sm text-muted">
                You were invited{invitation.team ? ` to the ${invitation.team.name} team` : ""}. Choose your name and a password to finish.
              </p>
            </div>
            <PasswordForm action={acceptInvitationAction} email={invitation.email} defaultName={invitation.name ?? ""} token={token} submitLabel="Join Debrief" />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">This invitation link does not work</h1>
            <Alert tone="error">It may have been used already, revoked, or it expired after 7 days. Ask an admin for a new invitation.</Alert>
            <Link href="/sign-in" className="text-sm text-accent hover:underline">
              Go to sign-in
            </Link>
          </>
        )}
      </CardBody>
    </Card>
  );
}
