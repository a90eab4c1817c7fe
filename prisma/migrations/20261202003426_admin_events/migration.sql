-- CreateTable
CREATE TABLE "admin_event" (
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "request_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "admin_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "admin_event_head" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "admin_event_head_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_event_target_idx" ON "admin_event"("target");


-- The chain starts empty: its head at event 0, pointing at the genesis hash (domain/evidence ADMIN_GENESIS_HASH).
INSERT INTO "admin_event_head" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
