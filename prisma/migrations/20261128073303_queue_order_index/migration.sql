-- DropIndex
DROP INDEX "CardState_userId_due_idx";

-- CreateIndex
CREATE INDEX "CardState_userId_due_id_idx" ON "CardState"("userId", "due", "id");

