import { CardBone, HeaderBones, PageSkeleton } from "@/components/ui/skeleton";

/** The Actions page's shape while it loads: findings beside actions. */
export default function ActionsLoading() {
  return (
    <PageSkeleton label="Loading the actions">
      <HeaderBones eyebrow />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-2">
          {Array.from({ length: 4 }, (_, i) => (
            <CardBone key={i} className="h-20" />
          ))}
        </div>
        <div className="space-y-3">
          {Array.from({ length: 3 }, (_, i) => (
            <CardBone key={i} className="h-40" />
          ))}
        </div>
      </div>
    </PageSkeleton>
  );
}
