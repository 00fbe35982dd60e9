-- CreateTable
CREATE TABLE "OptimizerRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "progress" REAL NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "heartbeatAt" DATETIME NOT NULL,
    "reviews" INTEGER NOT NULL,
    "comparedWith" TEXT,
    "result" TEXT,
    "error" TEXT,
    "saved" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "OptimizerRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OptimizerRun_userId_key" ON "OptimizerRun"("userId");

