ALTER TABLE "jobs" ADD COLUMN "unique_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unique_key_open" ON "jobs" USING btree ("unique_key") WHERE status IN ('pending', 'running');