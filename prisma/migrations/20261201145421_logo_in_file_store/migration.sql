-- The logos move to the file store. SQL cannot hash, so the SVG of each city is parked there under
-- legacy-logo:<city id> and the city points at it. The data step that scripts/db.ts deploy runs
-- after the migrations (migrateLegacyLogos, app/cities/logos.server.ts) sanitises and hashes it and repoints the city.
INSERT INTO "StoredFile" ("hash", "contentType", "size", "bytes")
SELECT 'legacy-logo:' || "id", 'image/svg+xml', length(CAST("logoSvg" AS BLOB)), CAST("logoSvg" AS BLOB)
FROM "City" WHERE "logoSvg" IS NOT NULL AND "logoHash" IS NULL;
UPDATE "City" SET "logoHash" = 'legacy-logo:' || "id" WHERE "logoSvg" IS NOT NULL AND "logoHash" IS NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_City" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultLocale" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "primaryColor" TEXT NOT NULL,
    "accentColor" TEXT NOT NULL,
    "signatoryName" TEXT NOT NULL DEFAULT '',
    "signatoryTitle" TEXT NOT NULL DEFAULT '',
    "certificatePrefix" TEXT NOT NULL,
    "logoHash" TEXT,
    "dataProtectionContact" TEXT NOT NULL DEFAULT '',
    "retentionMonths" INTEGER,
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "City_logoHash_fkey" FOREIGN KEY ("logoHash") REFERENCES "StoredFile" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_City" ("accentColor", "certificatePrefix", "createdAt", "dataProtectionContact", "deactivatedAt", "defaultLocale", "id", "logoHash", "name", "primaryColor", "retentionMonths", "signatoryName", "signatoryTitle", "slug", "timeZone") SELECT "accentColor", "certificatePrefix", "createdAt", "dataProtectionContact", "deactivatedAt", "defaultLocale", "id", "logoHash", "name", "primaryColor", "retentionMonths", "signatoryName", "signatoryTitle", "slug", "timeZone" FROM "City";
DROP TABLE "City";
ALTER TABLE "new_City" RENAME TO "City";
CREATE UNIQUE INDEX "City_slug_key" ON "City"("slug");
CREATE UNIQUE INDEX "City_certificatePrefix_key" ON "City"("certificatePrefix");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

