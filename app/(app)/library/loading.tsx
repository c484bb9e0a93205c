import { Bone, CardBone, HeaderBones, PageSkeleton } from "@/components/ui/skeleton";

/** The library while a search runs: the search box, filters, and result cards. */
export default function LibraryLoading() {
  return (
    <PageSkeleton label="Loading the library">
      <HeaderBones />
      <Bone className="mb-3 h-11 w-full" />
      <div className="mb-6 flex flex-wrap gap-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Bone key={i} className="h-8 w-32" />
        ))}
      </div>
      <div className="space-y-3">
        {Array.from({ length: 5 }, (_, i) => (
          <CardBone key={i} className="space-y-2 p-5">
            <Bone className="h-5 w-2/3" />
            <Bone className="h-3 w-1/3" />
            <Bone className="h-3 w-full" />
            <Bone className="h-3 w-5/6" />
          </CardBone>
        ))}
      </div>
    </PageSkeleton>
  );
}
