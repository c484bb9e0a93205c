import { SearchX } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <div className="py-10">
      <EmptyState icon={SearchX} title="Not found" action={<ButtonLink href="/">Go to My work</ButtonLink>}>
        This page does not exist, or you do not have access to it. If someone sent you a link, ask them to invite you to the review.
      </EmptyState>
    </div>
  );
}
