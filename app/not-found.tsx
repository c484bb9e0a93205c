import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-muted">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-sm text-accent hover:underline">
        Go to Debrief
      </Link>
    </main>
  );
}
