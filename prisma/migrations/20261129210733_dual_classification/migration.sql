-- AlterTable
ALTER TABLE "matter" ADD COLUMN     "also_major_decision" BOOLEAN NOT NULL DEFAULT false;

