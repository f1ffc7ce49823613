-- Session ids are now stored as the SHA-256 of the cookie's token: sessions stored under the
-- token itself cannot be told apart from hashes, so every existing session ends (everyone logs in again).
DELETE FROM "Session";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

