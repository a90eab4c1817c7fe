-- CreateTable
CREATE TABLE "fcr_finding" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "version_number" INTEGER NOT NULL,
    "version_hash" TEXT NOT NULL,
    "rule_set_version" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "excerpt" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "clause" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fcr_finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fcr_conclusion_document" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "version_hash" TEXT NOT NULL,
    "conclusion" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fcr_conclusion_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fcr_finding_matter_id_version_hash_idx" ON "fcr_finding"("matter_id", "version_hash");

-- CreateIndex
CREATE INDEX "fcr_conclusion_document_matter_id_idx" ON "fcr_conclusion_document"("matter_id");

