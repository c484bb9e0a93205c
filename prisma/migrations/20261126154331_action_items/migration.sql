-- CreateEnum
CREATE TYPE "ActionPriority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "ActionKind" AS ENUM ('FIX', 'MITIGATION', 'DETECTION', 'PROCESS', 'LEARNING');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'WONT_DO');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('LOCAL', 'PENDING', 'SYNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "BacklogProvider" AS ENUM ('GITHUB', 'JIRA', 'LINEAR', 'WEBHOOK');

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "noActionAt" TIMESTAMP(3),
ADD COLUMN     "noActionReason" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "chatWebhookUrl" TEXT;

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" JSONB NOT NULL,
    "descriptionText" TEXT NOT NULL DEFAULT '',
    "assigneeId" TEXT,
    "priority" "ActionPriority" NOT NULL DEFAULT 'MEDIUM',
    "kind" "ActionKind" NOT NULL DEFAULT 'FIX',
    "dueDate" TIMESTAMP(3),
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "rank" TEXT NOT NULL,
    "agreedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "syncState" "SyncState" NOT NULL DEFAULT 'LOCAL',
    "syncError" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "externalProvider" "BacklogProvider",
    "externalId" TEXT,
    "externalKey" TEXT,
    "externalUrl" TEXT,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionFinding" (
    "actionId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,

    CONSTRAINT "ActionFinding_pkey" PRIMARY KEY ("actionId","findingId")
);

-- CreateTable
CREATE TABLE "ActionSyncEvent" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionSyncEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BacklogConnection" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "provider" "BacklogProvider" NOT NULL,
    "baseUrl" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "credentials" TEXT NOT NULL,
    "inboundSecret" TEXT,
    "autoPush" BOOLEAN NOT NULL DEFAULT false,
    "lastTestedAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTestMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BacklogConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundDelivery" (
    "id" TEXT NOT NULL,
    "provider" "BacklogProvider" NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActionItem_teamId_rank_idx" ON "ActionItem"("teamId", "rank");

-- CreateIndex
CREATE INDEX "ActionItem_reviewId_idx" ON "ActionItem"("reviewId");

-- CreateIndex
CREATE INDEX "ActionItem_teamId_status_dueDate_idx" ON "ActionItem"("teamId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "ActionItem_externalProvider_externalId_idx" ON "ActionItem"("externalProvider", "externalId");

-- CreateIndex
CREATE INDEX "ActionFinding_findingId_idx" ON "ActionFinding"("findingId");

-- CreateIndex
CREATE INDEX "ActionSyncEvent_actionId_createdAt_idx" ON "ActionSyncEvent"("actionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BacklogConnection_teamId_key" ON "BacklogConnection"("teamId");

-- CreateIndex
CREATE INDEX "InboundDelivery_receivedAt_idx" ON "InboundDelivery"("receivedAt");

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionFinding" ADD CONSTRAINT "ActionFinding_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ActionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionFinding" ADD CONSTRAINT "ActionFinding_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionSyncEvent" ADD CONSTRAINT "ActionSyncEvent_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ActionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogConnection" ADD CONSTRAINT "BacklogConnection_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
