-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "stateVersion" INTEGER;

-- CreateTable
CREATE TABLE "UndoEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "stateBefore" TEXT,
    "versionAfter" INTEGER,
    "overrideBefore" TEXT,
    "overrideAfter" TEXT,
    "logId" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "UndoEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UndoEntry_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "UndoEntry_userId_createdAt_idx" ON "UndoEntry"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");

