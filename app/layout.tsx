import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { Providers } from "@/components/layout/providers";
import { TimeZoneCookie } from "@/components/layout/timezone-cookie";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Debrief", template: "%s · Debrief" },
  description: "Post-incident reviews: independent accounts, a facilitated group session, actions in team backlogs.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const tz = (await cookies()).get("tz")?.value ?? null;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers>
          <TimeZoneCookie current={tz} />
          {children}
        </Providers>
      </body>
    </html>
  );
}
