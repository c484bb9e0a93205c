-- CreateEnum
CREATE TYPE "SubscriptionKind" AS ENUM ('TEAM', 'SERVICE', 'TAG');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "impact" TEXT,
ADD COLUMN     "sensitiveReviewedAt" TIMESTAMP(3),
ADD COLUMN     "summary" TEXT,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ReviewSearchDocument" (
    "reviewId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "services" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "teamId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "incidentAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "ReviewSearchDocument_pkey" PRIMARY KEY ("reviewId")
);

-- CreateTable
CREATE TABLE "ReviewRead" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReviewRead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SubscriptionKind" NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestState" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestState_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "ReviewSearchDocument_publishedAt_idx" ON "ReviewSearchDocument"("publishedAt");

-- CreateIndex
CREATE INDEX "ReviewSearchDocument_teamId_publishedAt_idx" ON "ReviewSearchDocument"("teamId", "publishedAt");

-- CreateIndex
CREATE INDEX "ReviewSearchDocument_search_idx" ON "ReviewSearchDocument" USING GIN ("search");

-- CreateIndex
CREATE INDEX "ReviewRead_firstAt_idx" ON "ReviewRead"("firstAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRead_reviewId_userId_key" ON "ReviewRead"("reviewId", "userId");

-- CreateIndex
CREATE INDEX "Subscription_kind_value_idx" ON "Subscription"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_userId_kind_value_key" ON "Subscription"("userId", "kind", "value");

-- AddForeignKey
ALTER TABLE "ReviewSearchDocument" ADD CONSTRAINT "ReviewSearchDocument_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRead" ADD CONSTRAINT "ReviewRead_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRead" ADD CONSTRAINT "ReviewRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestState" ADD CONSTRAINT "DigestState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
