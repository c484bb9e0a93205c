-- Follow and follow-up: personal feed tokens, once-only action reminders, team chat digest state.

-- CreateTable
CREATE TABLE "FeedToken" (
    "userId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedToken_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ActionReminder" (
    "actionId" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chatSentAt" TIMESTAMP(3),

    CONSTRAINT "ActionReminder_pkey" PRIMARY KEY ("actionId","threshold","dueDate")
);

-- CreateTable
CREATE TABLE "TeamDigestState" (
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamDigestState_pkey" PRIMARY KEY ("teamId","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedToken_tokenHash_key" ON "FeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ActionReminder_sentAt_idx" ON "ActionReminder"("sentAt");

-- AddForeignKey
ALTER TABLE "FeedToken" ADD CONSTRAINT "FeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReminder" ADD CONSTRAINT "ActionReminder_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ActionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamDigestState" ADD CONSTRAINT "TeamDigestState_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
