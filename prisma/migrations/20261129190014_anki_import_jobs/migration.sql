-- CreateTable
CREATE TABLE "AnkiImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "runningUserId" TEXT,
    "fileName" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "progress" REAL NOT NULL,
    "summary" TEXT,
    "error" TEXT,
    "owner" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "AnkiImportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AnkiImportJob_runningUserId_key" ON "AnkiImportJob"("runningUserId");

-- CreateIndex
CREATE INDEX "AnkiImportJob_userId_startedAt_idx" ON "AnkiImportJob"("userId", "startedAt");

