import { ClipboardList } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";

export const metadata = { title: "My work" };

export default async function MyWorkPage() {
  const actor = await requireActor("/");
  return (
    <>
      <PageHeader title={`Hello, ${actor.name?.split(" ")[0] ?? "there"}`} description="What needs you now." />
      <EmptyState icon={ClipboardList} title="Nothing needs you right now">
        Accounts to write, sessions you facilitate and actions you own will appear here.
      </EmptyState>
    </>
  );
}
