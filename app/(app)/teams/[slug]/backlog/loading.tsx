import { Bone, HeaderBones, PageSkeleton } from "@/components/ui/skeleton";

/** The backlog's shape while it loads: header, filters and rows, so nothing jumps when it arrives. */
export default function BacklogLoading() {
  return (
    <PageSkeleton label="Loading the backlog">
      <HeaderBones eyebrow />
      <div className="mb-4 flex flex-wrap gap-2">
        {["w-40", "w-32", "w-56", "w-56"].map((w, i) => (
          <Bone key={i} className={`h-14 ${w}`} />
        ))}
      </div>
      <div className="divide-y divide-border rounded-lg border border-border bg-surface">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="space-y-2 px-4 py-3">
            <Bone className="h-4 w-2/3" />
            <Bone className="h-3 w-1/2" />
          </div>
        ))}
      </div>
    </PageSkeleton>
  );
}
