-- Merged after 20261129130551_session_revocation: the User table is rebuilt with sessionVersion kept.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "maxInterval" INTEGER NOT NULL DEFAULT 36500,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "reviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "timeZoneAuto" BOOLEAN NOT NULL DEFAULT true,
    "fsrsParams" TEXT,
    "quizFeedsSchedule" BOOLEAN NOT NULL DEFAULT true,
    "extraNewCards" INTEGER NOT NULL DEFAULT 0,
    "extraNewDay" TEXT
);
INSERT INTO "new_User" ("createdAt", "dayStartHour", "desiredRetention", "email", "enableFuzz", "fsrsParams", "id", "learningSteps", "maxInterval", "newPerDay", "passwordHash", "quizFeedsSchedule", "relearningSteps", "reviewsPerDay", "sessionVersion", "timeZone", "timeZoneAuto") SELECT "createdAt", "dayStartHour", "desiredRetention", "email", "enableFuzz", "fsrsParams", "id", "learningSteps", "maxInterval", "newPerDay", "passwordHash", "quizFeedsSchedule", "relearningSteps", "reviewsPerDay", "sessionVersion", "timeZone", "timeZoneAuto" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

