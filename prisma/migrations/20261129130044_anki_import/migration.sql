-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "kind" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "sourcePath" TEXT,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "publishedAt" DATETIME,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'text',
    "importKey" TEXT,
    CONSTRAINT "Document_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("contentHash", "createdAt", "id", "language", "ownerId", "publishedAt", "source", "sourcePath", "text", "title") SELECT "contentHash", "createdAt", "id", "language", "ownerId", "publishedAt", "source", "sourcePath", "text", "title" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_sourcePath_key" ON "Document"("sourcePath");
CREATE INDEX "Document_ownerId_idx" ON "Document"("ownerId");
CREATE INDEX "Document_ownerId_importKey_idx" ON "Document"("ownerId", "importKey");
CREATE TABLE "new_Fact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "sentence" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '{}',
    "position" INTEGER NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "ankiGuid" TEXT,
    CONSTRAINT "Fact_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Fact" ("answer", "documentId", "end", "fields", "id", "key", "kind", "position", "sentence", "start") SELECT "answer", "documentId", "end", "fields", "id", "key", "kind", "position", "sentence", "start" FROM "Fact";
DROP TABLE "Fact";
ALTER TABLE "new_Fact" RENAME TO "Fact";
CREATE INDEX "Fact_ankiGuid_idx" ON "Fact"("ankiGuid");
CREATE UNIQUE INDEX "Fact_documentId_key_key" ON "Fact"("documentId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

