-- AlterTable
ALTER TABLE "matter" ADD COLUMN     "awaiting_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "awaiting_user_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "projection_rev" INTEGER NOT NULL DEFAULT 0;

