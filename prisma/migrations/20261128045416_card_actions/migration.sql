-- CreateTable
CREATE TABLE "CardOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardOverride_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "introducedAt" DATETIME,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "leech" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("buriedUntil", "cardId", "difficulty", "due", "elapsedDays", "id", "introducedAt", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "suspended", "userId", "version") SELECT "buriedUntil", "cardId", "difficulty", "due", "elapsedDays", "id", "introducedAt", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "suspended", "userId", "version" FROM "CardState";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_userId_due_idx" ON "CardState"("userId", "due");
CREATE UNIQUE INDEX "CardState_userId_cardId_key" ON "CardState"("userId", "cardId");
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "previousDue" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "review" DATETIME NOT NULL,
    "day" TEXT NOT NULL,
    "durationMs" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'review',
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "day", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learningSteps", "rating", "review", "scheduledDays", "source", "stability", "state", "userId") SELECT "cardId", "day", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learningSteps", "rating", "review", "scheduledDays", "source", "stability", "state", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_review_idx" ON "ReviewLog"("userId", "review");
CREATE INDEX "ReviewLog_userId_day_idx" ON "ReviewLog"("userId", "day");
CREATE INDEX "ReviewLog_cardId_idx" ON "ReviewLog"("cardId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CardOverride_userId_cardId_key" ON "CardOverride"("userId", "cardId");

