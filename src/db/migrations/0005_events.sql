CREATE TABLE "ev_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"publish" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_run_at" timestamp with time zone,
	"last_status" text,
	"last_report" jsonb,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ev_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"source_revision" integer NOT NULL,
	"machine_provider" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ev_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"title" text NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"start_local" text NOT NULL,
	"end_local" text NOT NULL,
	"time_zone" text NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"rrule" text,
	"exdates" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"rdates" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"location_id" uuid,
	"place_name" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"online_url" text,
	"organizer_name" text DEFAULT '' NOT NULL,
	"organizer_organization_id" uuid,
	"contact_email" text,
	"contact_phone" text,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"mediation_available" boolean DEFAULT false NOT NULL,
	"accessibility" text DEFAULT '' NOT NULL,
	"price" numeric(10, 2),
	"cost_note" text DEFAULT '' NOT NULL,
	"image_id" uuid,
	"registration_required" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"max_party_size" integer DEFAULT 4 NOT NULL,
	"feed_id" uuid,
	"source_uid" text,
	"source_url" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"major_revision" integer DEFAULT 1 NOT NULL,
	"materialised_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "ev_events_capacity_check" CHECK ("ev_events"."capacity" IS NULL OR "ev_events"."capacity" >= 1),
	CONSTRAINT "ev_events_party_check" CHECK ("ev_events"."max_party_size" BETWEEN 1 AND 50)
);
--> statement-breakpoint
CREATE TABLE "ev_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organization_id" uuid,
	"organization_name" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ev_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"kind" text DEFAULT 'document' NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ev_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"recurrence_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"capacity" integer,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"waitlisted" integer DEFAULT 0 NOT NULL,
	"checked_in" integer DEFAULT 0 NOT NULL,
	"attendees_purged_at" timestamp with time zone,
	"reminders_sent_at" timestamp with time zone,
	"agenda_html" text DEFAULT '' NOT NULL,
	"minutes_html" text DEFAULT '' NOT NULL,
	"documentation_published_at" timestamp with time zone,
	"invitations_sent_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ev_occurrences_not_overfilled" CHECK ("ev_occurrences"."capacity" IS NULL OR "ev_occurrences"."confirmed" <= "ev_occurrences"."capacity"),
	CONSTRAINT "ev_occurrences_counts_check" CHECK ("ev_occurrences"."confirmed" >= 0 AND "ev_occurrences"."waitlisted" >= 0 AND "ev_occurrences"."checked_in" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ev_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"language" text NOT NULL,
	"party_size" integer DEFAULT 1 NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ev_registrations_contact_check" CHECK ("ev_registrations"."email" IS NOT NULL OR "ev_registrations"."phone" IS NOT NULL),
	CONSTRAINT "ev_registrations_party_check" CHECK ("ev_registrations"."party_size" BETWEEN 1 AND 50)
);
--> statement-breakpoint
ALTER TABLE "ev_feeds" ADD CONSTRAINT "ev_feeds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_translations" ADD CONSTRAINT "ev_translations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_translations" ADD CONSTRAINT "ev_translations_event_id_ev_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ev_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_translations" ADD CONSTRAINT "ev_translations_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_events" ADD CONSTRAINT "ev_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_events" ADD CONSTRAINT "ev_events_location_id_dir_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."dir_locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_events" ADD CONSTRAINT "ev_events_organizer_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organizer_organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_events" ADD CONSTRAINT "ev_events_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_events" ADD CONSTRAINT "ev_events_feed_id_ev_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."ev_feeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_events" ADD CONSTRAINT "ev_events_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_members" ADD CONSTRAINT "ev_members_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_members" ADD CONSTRAINT "ev_members_event_id_ev_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ev_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_members" ADD CONSTRAINT "ev_members_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_documents" ADD CONSTRAINT "ev_documents_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_documents" ADD CONSTRAINT "ev_documents_occurrence_id_ev_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."ev_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_documents" ADD CONSTRAINT "ev_documents_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_occurrences" ADD CONSTRAINT "ev_occurrences_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_occurrences" ADD CONSTRAINT "ev_occurrences_event_id_ev_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ev_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_registrations" ADD CONSTRAINT "ev_registrations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ev_registrations" ADD CONSTRAINT "ev_registrations_occurrence_id_ev_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."ev_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ev_feeds_url_key" ON "ev_feeds" USING btree ("region_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "ev_translations_key" ON "ev_translations" USING btree ("event_id","language");--> statement-breakpoint
CREATE INDEX "ev_translations_region_idx" ON "ev_translations" USING btree ("region_id","language");--> statement-breakpoint
CREATE INDEX "ev_events_region_idx" ON "ev_events" USING btree ("region_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ev_events_source_key" ON "ev_events" USING btree ("region_id","feed_id","source_uid");--> statement-breakpoint
CREATE UNIQUE INDEX "ev_members_email_key" ON "ev_members" USING btree ("event_id","email");--> statement-breakpoint
CREATE INDEX "ev_documents_occurrence_idx" ON "ev_documents" USING btree ("occurrence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ev_occurrences_key" ON "ev_occurrences" USING btree ("event_id","recurrence_id");--> statement-breakpoint
CREATE INDEX "ev_occurrences_region_time_idx" ON "ev_occurrences" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "ev_registrations_occurrence_idx" ON "ev_registrations" USING btree ("occurrence_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ev_registrations_email_key" ON "ev_registrations" USING btree ("occurrence_id","email") WHERE "ev_registrations"."status" <> 'cancelled' AND "ev_registrations"."email" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ev_registrations_phone_key" ON "ev_registrations" USING btree ("occurrence_id","phone") WHERE "ev_registrations"."status" <> 'cancelled' AND "ev_registrations"."phone" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ev_registrations_token_key" ON "ev_registrations" USING btree ("cancel_token_hash");