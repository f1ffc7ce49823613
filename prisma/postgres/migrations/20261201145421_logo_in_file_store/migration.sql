-- The logos move to the file store. SQL cannot hash, so the SVG of each city is parked there under
-- legacy-logo:<city id> and the city points at it. The data step that scripts/db.ts deploy runs
-- after the migrations (migrateLegacyLogos, app/cities/logos.server.ts) sanitises and hashes it and repoints the city.
INSERT INTO "StoredFile" ("hash", "contentType", "size", "bytes")
SELECT 'legacy-logo:' || "id", 'image/svg+xml', octet_length(convert_to("logoSvg", 'UTF8')), convert_to("logoSvg", 'UTF8')
FROM "City" WHERE "logoSvg" IS NOT NULL AND "logoHash" IS NULL;
UPDATE "City" SET "logoHash" = 'legacy-logo:' || "id" WHERE "logoSvg" IS NOT NULL AND "logoHash" IS NULL;

-- AlterTable
ALTER TABLE "City" DROP COLUMN "logoSvg";

