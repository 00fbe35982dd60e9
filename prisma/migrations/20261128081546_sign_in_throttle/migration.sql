-- CreateTable
CREATE TABLE "SignInThrottleKey" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "times" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SignInThrottleKey_updatedAt_idx" ON "SignInThrottleKey"("updatedAt");

