-- CreateTable
CREATE TABLE "OptimizerRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "reviews" INTEGER NOT NULL,
    "comparedWith" TEXT,
    "result" TEXT,
    "error" TEXT,
    "saved" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OptimizerRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OptimizerRun_userId_key" ON "OptimizerRun"("userId");

-- AddForeignKey
ALTER TABLE "OptimizerRun" ADD CONSTRAINT "OptimizerRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

