"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { checkSignInLimit } from "@/lib/auth/sign-in-attempts";
import { clientIp } from "@/lib/auth/config";
import { headers } from "next/headers";

export type SignInState = { error: string; email: string } | null;

function safeCallback(raw: FormDataEntryValue | null): string {
  const value = typeof raw === "string" ? raw : "";
  return value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

/** Signs in with e-mail and password through Auth.js's credentials provider. */
export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim().toLowerCase();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your e-mail address and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallback(form.get("callbackUrl")) });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") {
        const limit = await checkSignInLimit(email, clientIp(new Request("http://x", { headers: await headers() })));
        const minutes = limit.allowed ? 1 : Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
        return { error: `Too many failed sign-in attempts. For your safety, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, email };
      }
      if (code === "deactivated") return { error: "This account has been deactivated. Ask an admin if you need access again.", email };
      return { error: "That e-mail address and password do not match. Check them and try again.", email };
    }
    throw error;
  }
}

export async function signInWithSso(form: FormData) {
  await signIn("oidc", { redirectTo: safeCallback(form.get("callbackUrl")) });
}
