-- CreateTable
CREATE TABLE "meeting_body" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_body_member" (
    "id" TEXT NOT NULL,
    "body_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "from_date" TEXT NOT NULL,
    "to_date" TEXT,

    CONSTRAINT "meeting_body_member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_body_member_body_id_idx" ON "meeting_body_member"("body_id");

-- AddForeignKey
ALTER TABLE "meeting_body_member" ADD CONSTRAINT "meeting_body_member_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "meeting_body"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The standing bodies (a meeting scheduled without naming a body sits in the one of its kind); rosters are data.
INSERT INTO "meeting_body" ("id", "kind", "name") VALUES
  ('director_office_meeting', 'director_office_meeting', '局长办公会'),
  ('party_committee_meeting', 'party_committee_meeting', '局党委会')
ON CONFLICT ("id") DO NOTHING;
