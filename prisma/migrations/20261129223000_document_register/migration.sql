-- CreateTable
CREATE TABLE "document_series_counter" (
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "document_series_counter_pkey" PRIMARY KEY ("series","year")
);

-- CreateTable
CREATE TABLE "register_document" (
    "id" TEXT NOT NULL,
    "matter_id" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "drafting_unit" TEXT NOT NULL,
    "version_hash" TEXT NOT NULL,
    "signed_at" TIMESTAMP(3) NOT NULL,
    "effective_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "early_effect_reason" TEXT,
    "exception_ends_at" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "status_changed_at" TIMESTAMP(3),
    "status_reason" TEXT,
    "amending_matter_id" TEXT,
    "reevaluation_opened_at" TIMESTAMP(3),
    "exception_review_due_at" TIMESTAMP(3),
    "workflow_id" TEXT NOT NULL,
    "trail_head_seq" INTEGER NOT NULL DEFAULT 0,
    "trail_head_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "register_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_event" (
    "id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "register_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_cleanup" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "document_ids" TEXT[],
    "decisions" JSONB NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "published_at" TIMESTAMP(3),
    "published_by" TEXT,
    "lists" JSONB,

    CONSTRAINT "register_cleanup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "register_document_matter_id_key" ON "register_document"("matter_id");

-- CreateIndex
CREATE UNIQUE INDEX "register_document_number_key" ON "register_document"("number");

-- CreateIndex
CREATE INDEX "register_document_status_idx" ON "register_document"("status");

-- CreateIndex
CREATE UNIQUE INDEX "register_document_series_year_seq_key" ON "register_document"("series", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "register_event_document_id_seq_key" ON "register_event"("document_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "register_event_document_id_action_key_key" ON "register_event"("document_id", "action_key");

-- AddForeignKey
ALTER TABLE "register_event" ADD CONSTRAINT "register_event_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "register_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

