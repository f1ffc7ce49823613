-- The logos move to the file store. SQL cannot hash, so each city's SVG is parked there under
-- "legacy-logo:<city id>" and the city points at it; the data step that `scripts/db.ts deploy` runs
-- after the migrations (app/cities/logo-migration.server.ts) sanitises and hashes it and repoints the city.
INSERT INTO "StoredFile" ("hash", "contentType", "size", "bytes")
SELECT 'legacy-logo:' || "id", 'image/svg+xml', octet_length(convert_to("logoSvg", 'UTF8')), convert_to("logoSvg", 'UTF8')
FROM "City" WHERE "logoSvg" IS NOT NULL AND "logoHash" IS NULL;
UPDATE "City" SET "logoHash" = 'legacy-logo:' || "id" WHERE "logoSvg" IS NOT NULL AND "logoHash" IS NULL;

-- AlterTable
ALTER TABLE "City" DROP COLUMN "logoSvg";

