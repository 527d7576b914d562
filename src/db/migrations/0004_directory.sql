CREATE TABLE "dir_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"organization_id" uuid,
	"service_id" uuid,
	"location_id" uuid,
	"name" text,
	"title" text,
	"department" text,
	"email" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"payload" jsonb,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'checked' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dir_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"organization_id" uuid,
	"location_type" text DEFAULT 'physical' NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"alternate_name" text,
	"description" text DEFAULT '' NOT NULL,
	"transportation" text,
	"url" text,
	"latitude" double precision,
	"longitude" double precision,
	"geo_source" text,
	"address_1" text,
	"address_2" text,
	"postal_code" text,
	"city" text,
	"state_province" text,
	"country" text DEFAULT 'DE' NOT NULL,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"wheelchair" boolean DEFAULT false NOT NULL,
	"accessibility_description" text,
	"accessibility_details" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"major_revision" integer DEFAULT 1 NOT NULL,
	"pending_change" jsonb,
	"pending_by" uuid,
	"pending_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dir_organization_editors" (
	"organization_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dir_organization_editors_organization_id_account_id_pk" PRIMARY KEY("organization_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "dir_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text DEFAULT '' NOT NULL,
	"email" text,
	"website" text,
	"legal_status" text,
	"parent_organization_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"major_revision" integer DEFAULT 1 NOT NULL,
	"pending_change" jsonb,
	"pending_by" uuid,
	"pending_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dir_phones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"organization_id" uuid,
	"service_id" uuid,
	"location_id" uuid,
	"contact_id" uuid,
	"number" text NOT NULL,
	"extension" integer,
	"type" text DEFAULT 'voice' NOT NULL,
	"description" text,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_required_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"service_id" uuid NOT NULL,
	"document" text NOT NULL,
	"uri" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"service_id" uuid,
	"location_id" uuid,
	"service_at_location_id" uuid,
	"freq" text,
	"interval" integer,
	"byday" text,
	"bymonthday" text,
	"opens_at" text,
	"closes_at" text,
	"valid_from" date,
	"valid_to" date,
	"closed" boolean DEFAULT false NOT NULL,
	"description" text,
	"notes" text,
	"attending_type" text,
	"weekdays" smallint[] DEFAULT ARRAY[]::smallint[] NOT NULL,
	"ordinals" smallint[] DEFAULT ARRAY[]::smallint[] NOT NULL,
	"monthdays" smallint[] DEFAULT ARRAY[]::smallint[] NOT NULL,
	"opens_min" smallint,
	"closes_min" smallint,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_search_texts" (
	"service_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"search_config" "regconfig" DEFAULT 'simple'::regconfig NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(search_config, coalesce(title, '')), 'A') || setweight(to_tsvector(search_config, coalesce(body, '')), 'B')) STORED,
	CONSTRAINT "dir_search_texts_service_id_language_pk" PRIMARY KEY("service_id","language")
);
--> statement-breakpoint
CREATE TABLE "dir_service_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"extent" text,
	"extent_type" text,
	"uri" text
);
--> statement-breakpoint
CREATE TABLE "dir_service_at_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"description" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text DEFAULT '' NOT NULL,
	"url" text,
	"email" text,
	"hsds_status" text DEFAULT 'active' NOT NULL,
	"interpretation_services" text,
	"application_process" text,
	"fees_description" text,
	"free" boolean DEFAULT false NOT NULL,
	"wait_time" text,
	"eligibility_description" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"alert" text,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"term_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"all_languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"has_own_schedules" boolean DEFAULT false NOT NULL,
	"geo_min_lat" double precision,
	"geo_max_lat" double precision,
	"geo_min_lon" double precision,
	"geo_max_lon" double precision,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"reminded_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"major_revision" integer DEFAULT 1 NOT NULL,
	"pending_change" jsonb,
	"pending_by" uuid,
	"pending_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dir_taxonomies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uri" text,
	"version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_taxonomy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"source_id" text,
	"taxonomy_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"icon" text,
	"term_uri" text,
	"position" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"major_revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dir_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"language" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_revision" integer NOT NULL,
	"machine_provider" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dir_contacts" ADD CONSTRAINT "dir_contacts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_contacts" ADD CONSTRAINT "dir_contacts_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_contacts" ADD CONSTRAINT "dir_contacts_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_contacts" ADD CONSTRAINT "dir_contacts_location_id_dir_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."dir_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_imports" ADD CONSTRAINT "dir_imports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_imports" ADD CONSTRAINT "dir_imports_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_locations" ADD CONSTRAINT "dir_locations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_locations" ADD CONSTRAINT "dir_locations_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_locations" ADD CONSTRAINT "dir_locations_pending_by_accounts_id_fk" FOREIGN KEY ("pending_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_locations" ADD CONSTRAINT "dir_locations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organization_editors" ADD CONSTRAINT "dir_organization_editors_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organization_editors" ADD CONSTRAINT "dir_organization_editors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organization_editors" ADD CONSTRAINT "dir_organization_editors_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organizations" ADD CONSTRAINT "dir_organizations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organizations" ADD CONSTRAINT "dir_organizations_parent_organization_id_dir_organizations_id_fk" FOREIGN KEY ("parent_organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organizations" ADD CONSTRAINT "dir_organizations_pending_by_accounts_id_fk" FOREIGN KEY ("pending_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_organizations" ADD CONSTRAINT "dir_organizations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_phones" ADD CONSTRAINT "dir_phones_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_phones" ADD CONSTRAINT "dir_phones_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_phones" ADD CONSTRAINT "dir_phones_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_phones" ADD CONSTRAINT "dir_phones_location_id_dir_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."dir_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_phones" ADD CONSTRAINT "dir_phones_contact_id_dir_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."dir_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_required_documents" ADD CONSTRAINT "dir_required_documents_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_required_documents" ADD CONSTRAINT "dir_required_documents_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_schedules" ADD CONSTRAINT "dir_schedules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_schedules" ADD CONSTRAINT "dir_schedules_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_schedules" ADD CONSTRAINT "dir_schedules_location_id_dir_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."dir_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_schedules" ADD CONSTRAINT "dir_schedules_service_at_location_id_dir_service_at_locations_id_fk" FOREIGN KEY ("service_at_location_id") REFERENCES "public"."dir_service_at_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_search_texts" ADD CONSTRAINT "dir_search_texts_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_search_texts" ADD CONSTRAINT "dir_search_texts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_service_areas" ADD CONSTRAINT "dir_service_areas_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_service_areas" ADD CONSTRAINT "dir_service_areas_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_service_at_locations" ADD CONSTRAINT "dir_service_at_locations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_service_at_locations" ADD CONSTRAINT "dir_service_at_locations_service_id_dir_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."dir_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_service_at_locations" ADD CONSTRAINT "dir_service_at_locations_location_id_dir_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."dir_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_services" ADD CONSTRAINT "dir_services_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_services" ADD CONSTRAINT "dir_services_organization_id_dir_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dir_organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_services" ADD CONSTRAINT "dir_services_verified_by_accounts_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_services" ADD CONSTRAINT "dir_services_pending_by_accounts_id_fk" FOREIGN KEY ("pending_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_services" ADD CONSTRAINT "dir_services_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_taxonomies" ADD CONSTRAINT "dir_taxonomies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_taxonomy_terms" ADD CONSTRAINT "dir_taxonomy_terms_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_taxonomy_terms" ADD CONSTRAINT "dir_taxonomy_terms_taxonomy_id_dir_taxonomies_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."dir_taxonomies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_taxonomy_terms" ADD CONSTRAINT "dir_taxonomy_terms_parent_id_dir_taxonomy_terms_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."dir_taxonomy_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_translations" ADD CONSTRAINT "dir_translations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dir_translations" ADD CONSTRAINT "dir_translations_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dir_contacts_service_idx" ON "dir_contacts" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "dir_contacts_org_idx" ON "dir_contacts" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "dir_imports_region_idx" ON "dir_imports" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "dir_locations_region_idx" ON "dir_locations" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "dir_locations_geo_idx" ON "dir_locations" USING btree ("region_id","latitude","longitude");--> statement-breakpoint
CREATE INDEX "dir_locations_postcode_idx" ON "dir_locations" USING btree ("region_id","postal_code");--> statement-breakpoint
CREATE INDEX "dir_locations_source_idx" ON "dir_locations" USING btree ("region_id","source_id");--> statement-breakpoint
CREATE INDEX "dir_organization_editors_account_idx" ON "dir_organization_editors" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "dir_organizations_region_idx" ON "dir_organizations" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "dir_organizations_source_idx" ON "dir_organizations" USING btree ("region_id","source_id");--> statement-breakpoint
CREATE INDEX "dir_phones_service_idx" ON "dir_phones" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "dir_phones_location_idx" ON "dir_phones" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "dir_phones_org_idx" ON "dir_phones" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "dir_required_documents_service_idx" ON "dir_required_documents" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "dir_schedules_service_idx" ON "dir_schedules" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "dir_schedules_location_idx" ON "dir_schedules" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "dir_schedules_sal_idx" ON "dir_schedules" USING btree ("service_at_location_id");--> statement-breakpoint
CREATE INDEX "dir_schedules_closed_idx" ON "dir_schedules" USING btree ("valid_from","valid_to") WHERE "dir_schedules"."closed";--> statement-breakpoint
CREATE INDEX "dir_search_texts_region_idx" ON "dir_search_texts" USING btree ("region_id","language");--> statement-breakpoint
CREATE INDEX "dir_search_texts_vector_idx" ON "dir_search_texts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "dir_search_texts_title_trgm_idx" ON "dir_search_texts" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dir_service_areas_service_idx" ON "dir_service_areas" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dir_sal_pair_key" ON "dir_service_at_locations" USING btree ("service_id","location_id");--> statement-breakpoint
CREATE INDEX "dir_sal_location_idx" ON "dir_service_at_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "dir_services_region_idx" ON "dir_services" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "dir_services_org_idx" ON "dir_services" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "dir_services_source_idx" ON "dir_services" USING btree ("region_id","source_id");--> statement-breakpoint
CREATE INDEX "dir_services_terms_idx" ON "dir_services" USING gin ("term_ids");--> statement-breakpoint
CREATE INDEX "dir_services_languages_idx" ON "dir_services" USING gin ("all_languages");--> statement-breakpoint
CREATE INDEX "dir_services_updated_idx" ON "dir_services" USING btree ("region_id","updated_at");--> statement-breakpoint
CREATE INDEX "dir_taxonomies_region_idx" ON "dir_taxonomies" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dir_taxonomy_terms_code_key" ON "dir_taxonomy_terms" USING btree ("region_id","code");--> statement-breakpoint
CREATE INDEX "dir_taxonomy_terms_parent_idx" ON "dir_taxonomy_terms" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dir_translations_key" ON "dir_translations" USING btree ("kind","entity_id","language");--> statement-breakpoint
CREATE INDEX "dir_translations_region_idx" ON "dir_translations" USING btree ("region_id","language");