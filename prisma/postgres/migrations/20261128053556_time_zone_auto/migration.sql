-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZoneAuto" BOOLEAN NOT NULL DEFAULT true;

