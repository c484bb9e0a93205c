import { SectionTabs } from "@/components/ui/section-tabs";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <div className="mb-6">
        <SectionTabs
          label="Settings sections"
          items={[
            { href: "/settings", label: "Profile", exact: true },
            { href: "/settings/following", label: "Following" },
            { href: "/settings/tokens", label: "API tokens" },
          ]}
        />
      </div>
      {children}
    </>
  );
}
