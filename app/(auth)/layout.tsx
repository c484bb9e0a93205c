import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
      <Link href="/" className="mb-8 flex items-center gap-2 text-lg font-semibold tracking-tight">
        <img src="/icon.svg" alt="" className="size-7" />
        Debrief
      </Link>
      <main className="w-full max-w-md">{children}</main>
      <p className="mt-10 max-w-md text-center text-xs text-muted">
        Blameless post-incident reviews: independent accounts, a facilitated group session, and actions in your teams&apos; backlogs.
      </p>
    </div>
  );
}
