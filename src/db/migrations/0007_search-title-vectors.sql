ALTER TABLE "page_translations" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, coalesce(title, ''))) STORED;--> statement-breakpoint
ALTER TABLE "dir_search_texts" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, coalesce(title, ''))) STORED;--> statement-breakpoint
CREATE INDEX "page_translations_title_vector_idx" ON "page_translations" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "dir_search_texts_title_vector_idx" ON "dir_search_texts" USING gin ("title_vector");