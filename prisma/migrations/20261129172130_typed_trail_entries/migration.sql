-- AlterTable
ALTER TABLE "trail_entry" ADD COLUMN     "command" JSONB,
ADD COLUMN     "hash_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "origin_ip" TEXT,
ADD COLUMN     "origin_user_agent" TEXT,
ADD COLUMN     "summary" TEXT;

