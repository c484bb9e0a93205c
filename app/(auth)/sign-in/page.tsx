import { redirect } from "next/navigation";
import { KeyRound } from "lucide-react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardBody } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { currentActor } from "@/lib/auth/current-actor";
import { demoAccounts } from "@/lib/auth/demo";
import { env, oidcConfigured } from "@/lib/env";
import { needsSetup } from "@/lib/users/first-admin";
import { signInWithPassword, signInWithSso } from "./actions";

export const metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "Your account cannot sign in. It may have been deactivated; ask an admin.",
  OAuthAccountNotLinked: "This e-mail address is already used by another sign-in method.",
  Configuration: "Single sign-on is not configured correctly. An admin can check the server log.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await needsSetup()) redirect("/setup");
  const callbackUrl = params.callbackUrl?.startsWith("/") && !params.callbackUrl.startsWith("//") ? params.callbackUrl : "/";
  if (await currentActor()) redirect(callbackUrl);
  const demo = await demoAccounts();
  const sso = oidcConfigured();
  const error = params.error ? (ERRORS[params.error] ?? "Signing in did not work. Please try again.") : undefined;
  return (
    <Card>
      <CardBody className="space-y-6 p-6 sm:p-8">
        <div>
          <h1 className="text-xl font-semibold">Sign in to Debrief</h1>
          <p className="mt-1 text-sm text-muted">Welcome back. Reviews are blameless: we are here to learn.</p>
        </div>
        {sso ? (
          <>
            <form action={signInWithSso}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className={buttonClass("secondary", "lg", "w-full")}>
                <KeyRound aria-hidden className="size-4" /> Continue with {env().AUTH_OIDC_NAME}
              </button>
            </form>
            <div className="flex items-center gap-3 text-xs text-muted">
              <span className="h-px flex-1 bg-border" /> or with e-mail <span className="h-px flex-1 bg-border" />
            </div>
          </>
        ) : null}
        <SignInForm action={signInWithPassword} callbackUrl={callbackUrl} demo={demo} initialError={error} />
      </CardBody>
    </Card>
  );
}
