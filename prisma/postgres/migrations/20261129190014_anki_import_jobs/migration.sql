-- CreateTable
CREATE TABLE "AnkiImportJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "runningUserId" TEXT,
    "fileName" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL,
    "summary" TEXT,
    "error" TEXT,
    "owner" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AnkiImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnkiImportJob_runningUserId_key" ON "AnkiImportJob"("runningUserId");

-- CreateIndex
CREATE INDEX "AnkiImportJob_userId_startedAt_idx" ON "AnkiImportJob"("userId", "startedAt");

-- AddForeignKey
ALTER TABLE "AnkiImportJob" ADD CONSTRAINT "AnkiImportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

