-- CreateTable
CREATE TABLE "SignInThrottleKey" (
    "key" TEXT NOT NULL,
    "times" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottleKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInThrottleKey_updatedAt_idx" ON "SignInThrottleKey"("updatedAt");

