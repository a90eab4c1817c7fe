-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "legal_qualification" BOOLEAN NOT NULL DEFAULT false;

