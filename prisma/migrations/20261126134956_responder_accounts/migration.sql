-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('DRAFTING', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "TimelineKind" AS ENUM ('OBSERVATION', 'ACTION', 'DECISION', 'COMMUNICATION', 'ALERT');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "accountDeadline" TIMESTAMP(3),
ADD COLUMN     "accountPrompts" JSONB,
ADD COLUMN     "anonymiseAccounts" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "revealedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReviewParticipant" ADD COLUMN     "anonymousLabel" TEXT,
ADD COLUMN     "lastRemindedAt" TIMESTAMP(3),
ADD COLUMN     "overdueRemindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ResponderAccount" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "status" "AccountStatus" NOT NULL DEFAULT 'DRAFTING',
    "submittedAt" TIMESTAMP(3),
    "lastEditedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResponderAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountLateAddition" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountLateAddition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "accountId" TEXT,
    "authorId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "description" TEXT NOT NULL,
    "kind" "TimelineKind" NOT NULL,
    "evidenceUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reviewId" TEXT,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResponderAccount_reviewId_authorId_key" ON "ResponderAccount"("reviewId", "authorId");

-- CreateIndex
CREATE INDEX "AccountLateAddition_accountId_createdAt_idx" ON "AccountLateAddition"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "TimelineEntry_reviewId_occurredAt_idx" ON "TimelineEntry"("reviewId", "occurredAt");

-- CreateIndex
CREATE INDEX "TimelineEntry_accountId_occurredAt_idx" ON "TimelineEntry"("accountId", "occurredAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "ResponderAccount" ADD CONSTRAINT "ResponderAccount_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponderAccount" ADD CONSTRAINT "ResponderAccount_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountLateAddition" ADD CONSTRAINT "AccountLateAddition_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ResponderAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ResponderAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
