-- CreateIndex
CREATE INDEX "matter_created_at_id_idx" ON "matter"("created_at", "id");

