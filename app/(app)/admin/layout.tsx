import { SectionTabs } from "@/components/ui/section-tabs";
import { requireAdmin } from "./require-admin";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin("/admin");
  return (
    <>
      <div className="mb-6">
        <SectionTabs
          label="Admin sections"
          items={[
            { href: "/admin", label: "Overview", exact: true },
            { href: "/admin/people", label: "People" },
            { href: "/admin/teams", label: "Teams" },
            { href: "/admin/audit", label: "Audit log" },
          ]}
        />
      </div>
      {children}
    </>
  );
}
