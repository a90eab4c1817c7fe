-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "matter" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "flags" TEXT[],
    "drafting_unit" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "current_version" INTEGER NOT NULL,
    "state" JSONB,
    "next_due_at" TIMESTAMP(3),
    "assigned_lawyer_id" TEXT,
    "fcr_reviewer_id" TEXT,
    "trail_head_seq" INTEGER NOT NULL DEFAULT 0,
    "trail_head_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "matter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "matter_version" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "matter_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trail_entry" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action_key" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "version_hash" TEXT,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT,
    "request_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "trail_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contract_from" TEXT,
    "contract_to" TEXT,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "section" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" TEXT[],
    "organisation_id" TEXT NOT NULL,
    "section_id" TEXT,
    "contract_from" TEXT,
    "contract_to" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "signing_public_key" TEXT,
    "signing_key_sealed" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_token" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "auth_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_off" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "action_key" TEXT NOT NULL,
    "lawyer_id" TEXT NOT NULL,
    "version_number" INTEGER NOT NULL,
    "version_hash" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "opinion_text" TEXT NOT NULL,
    "signed_at" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "voided_at" TIMESTAMP(3),
    "voided_by_version" INTEGER,

    CONSTRAINT "sign_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday_year" (
    "year" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "loaded_by_id" TEXT NOT NULL,
    "loaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_year_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "matter_workflow_id_key" ON "matter"("workflow_id");

-- CreateIndex
CREATE INDEX "matter_stage_idx" ON "matter"("stage");

-- CreateIndex
CREATE INDEX "matter_kind_idx" ON "matter"("kind");

-- CreateIndex
CREATE INDEX "matter_drafting_unit_idx" ON "matter"("drafting_unit");

-- CreateIndex
CREATE INDEX "matter_next_due_at_idx" ON "matter"("next_due_at");

-- CreateIndex
CREATE UNIQUE INDEX "matter_version_matter_id_number_key" ON "matter_version"("matter_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "trail_entry_matter_id_seq_key" ON "trail_entry"("matter_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "trail_entry_matter_id_action_key_key" ON "trail_entry"("matter_id", "action_key");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "auth_token_token_hash_key" ON "auth_token"("token_hash");

-- CreateIndex
CREATE INDEX "auth_token_user_id_idx" ON "auth_token"("user_id");

-- CreateIndex
CREATE INDEX "sign_off_matter_id_idx" ON "sign_off"("matter_id");

-- CreateIndex
CREATE UNIQUE INDEX "sign_off_matter_id_action_key_key" ON "sign_off"("matter_id", "action_key");

-- AddForeignKey
ALTER TABLE "matter_version" ADD CONSTRAINT "matter_version_matter_id_fkey" FOREIGN KEY ("matter_id") REFERENCES "matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trail_entry" ADD CONSTRAINT "trail_entry_matter_id_fkey" FOREIGN KEY ("matter_id") REFERENCES "matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "section" ADD CONSTRAINT "section_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_token" ADD CONSTRAINT "auth_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

