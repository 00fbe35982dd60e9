-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "stateVersion" INTEGER;

-- CreateTable
CREATE TABLE "UndoEntry" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "stateBefore" TEXT,
    "versionAfter" INTEGER,
    "overrideBefore" TEXT,
    "overrideAfter" TEXT,
    "logId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UndoEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UndoEntry_userId_createdAt_idx" ON "UndoEntry"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");

-- AddForeignKey
ALTER TABLE "UndoEntry" ADD CONSTRAINT "UndoEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UndoEntry" ADD CONSTRAINT "UndoEntry_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

