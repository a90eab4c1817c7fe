-- AlterTable
ALTER TABLE "matter" ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

