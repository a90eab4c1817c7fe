-- CreateTable
CREATE TABLE "legality_finding" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "version_number" INTEGER NOT NULL,
    "version_hash" TEXT NOT NULL,
    "register_revision" INTEGER NOT NULL,
    "rule_set_version" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "excerpt" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "basis_text" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "clause" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legality_finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prescreen_run" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version_number" INTEGER NOT NULL,
    "version_hash" TEXT NOT NULL,
    "register_revision" INTEGER NOT NULL DEFAULT 0,
    "fingerprint" JSONB NOT NULL,
    "findings" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "prescreen_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion_document" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sign_off_id" TEXT,
    "version_hash" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "opinion_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "legality_finding_matter_id_version_hash_idx" ON "legality_finding"("matter_id", "version_hash");

-- CreateIndex
CREATE INDEX "prescreen_run_matter_id_idx" ON "prescreen_run"("matter_id");

-- CreateIndex
CREATE UNIQUE INDEX "prescreen_run_matter_id_kind_version_hash_register_revision_key" ON "prescreen_run"("matter_id", "kind", "version_hash", "register_revision");

-- CreateIndex
CREATE INDEX "opinion_document_matter_id_idx" ON "opinion_document"("matter_id");

