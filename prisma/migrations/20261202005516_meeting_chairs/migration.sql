-- AlterTable
ALTER TABLE "meeting_body_member" ADD COLUMN     "chairs" BOOLEAN NOT NULL DEFAULT false;

