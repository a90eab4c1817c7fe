-- CreateTable
CREATE TABLE "decision_catalogue" (
    "year" INTEGER NOT NULL,
    "published_at" TIMESTAMP(3),
    "published_by" TEXT,
    "approval_ref" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_catalogue_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "decision_catalogue_entry" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "summary" TEXT,
    "planned" TEXT,
    "added_later_reason" TEXT,
    "added_by_id" TEXT NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "matter_id" TEXT,

    CONSTRAINT "decision_catalogue_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "decision_catalogue_entry_matter_id_key" ON "decision_catalogue_entry"("matter_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_catalogue_entry_year_seq_key" ON "decision_catalogue_entry"("year", "seq");

-- AddForeignKey
ALTER TABLE "decision_catalogue_entry" ADD CONSTRAINT "decision_catalogue_entry_year_fkey" FOREIGN KEY ("year") REFERENCES "decision_catalogue"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

