-- CreateIndex
CREATE INDEX "register_document_amending_matter_id_idx" ON "register_document"("amending_matter_id");

