import { Bone, CardBone, HeaderBones, PageSkeleton } from "@/components/ui/skeleton";

/** Insights while its figures are computed: filters, four headline figures, the chart cards. */
export default function InsightsLoading() {
  return (
    <PageSkeleton label="Loading insights">
      <HeaderBones />
      <CardBone className="mb-4 h-20" />
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <CardBone key={i} className="h-16" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <CardBone key={i} className="h-72 p-4">
            <Bone className="h-5 w-40" />
          </CardBone>
        ))}
      </div>
    </PageSkeleton>
  );
}
