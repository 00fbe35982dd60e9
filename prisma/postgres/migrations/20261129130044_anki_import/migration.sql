-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'text';

-- AlterTable
ALTER TABLE "Fact" ADD COLUMN     "ankiGuid" TEXT,
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "kind" TEXT;

-- CreateIndex
CREATE INDEX "Document_ownerId_importKey_idx" ON "Document"("ownerId", "importKey");

-- CreateIndex
CREATE INDEX "Fact_ankiGuid_idx" ON "Fact"("ankiGuid");

