-- CreateTable
CREATE TABLE "AssignmentTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "departmentId" TEXT,
    "includeSubdepartments" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,
    CONSTRAINT "AssignmentTarget_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssignmentTarget_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "assignedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "enrollmentId" TEXT,
    "withdrawnAt" DATETIME,
    CONSTRAINT "PersonAssignment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PersonAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PersonAssignment_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Accommodation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT,
    "personAssignmentId" TEXT,
    "kind" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Accommodation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personAssignmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderSent_personAssignmentId_fkey" FOREIGN KEY ("personAssignmentId") REFERENCES "PersonAssignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SummarySubscription" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SummarySent" (
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "week")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cityId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "dueAt" DATETIME,
    "dueDays" INTEGER,
    "validityMonths" INTEGER,
    "windowDays" INTEGER,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    "withdrawnById" TEXT,
    CONSTRAINT "Assignment_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("cityId", "courseId", "createdAt", "createdById", "dueAt", "id", "validityMonths") SELECT "cityId", "courseId", "createdAt", "createdById", "dueAt", "id", "certificateValidityMonths" FROM "Assignment";
-- Whom each earlier assignment was for becomes its target (both null: the whole city).
INSERT INTO "AssignmentTarget" ("id", "assignmentId", "departmentId", "includeSubdepartments", "userId") SELECT 'migrated-' || "id", "id", "departmentId", true, "userId" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_cityId_courseId_idx" ON "Assignment"("cityId", "courseId");
CREATE TABLE "new_Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cityId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '',
    "depth" INTEGER NOT NULL DEFAULT 1,
    "siblingsKey" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Department_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Department" ("cityId", "id", "name") SELECT "cityId", "id", "name" FROM "Department";
DROP TABLE "Department";
ALTER TABLE "new_Department" RENAME TO "Department";
CREATE INDEX "Department_cityId_path_idx" ON "Department"("cityId", "path");
CREATE INDEX "Department_parentId_idx" ON "Department"("parentId");
CREATE UNIQUE INDEX "Department_cityId_siblingsKey_name_key" ON "Department"("cityId", "siblingsKey", "name");
CREATE TABLE "new_RoleGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "departmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleGrant_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoleGrant_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RoleGrant" ("cityId", "createdAt", "id", "role", "userId") SELECT "cityId", "createdAt", "id", "role", "userId" FROM "RoleGrant";
DROP TABLE "RoleGrant";
ALTER TABLE "new_RoleGrant" RENAME TO "RoleGrant";
CREATE INDEX "RoleGrant_cityId_role_idx" ON "RoleGrant"("cityId", "role");
CREATE UNIQUE INDEX "RoleGrant_userId_role_key" ON "RoleGrant"("userId", "role");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "departmentId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "searchText" TEXT NOT NULL DEFAULT '',
    "emailConfirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "cityId", "createdAt", "departmentId", "email", "emailConfirmedAt", "id", "locale", "name", "updatedAt") SELECT "active", "cityId", "createdAt", "departmentId", "email", "emailConfirmedAt", "id", "locale", "name", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_cityId_name_idx" ON "User"("cityId", "name");
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AssignmentTarget_assignmentId_idx" ON "AssignmentTarget"("assignmentId");

-- CreateIndex
CREATE INDEX "AssignmentTarget_departmentId_idx" ON "AssignmentTarget"("departmentId");

-- CreateIndex
CREATE INDEX "AssignmentTarget_userId_idx" ON "AssignmentTarget"("userId");

-- CreateIndex
CREATE INDEX "PersonAssignment_cityId_dueAt_idx" ON "PersonAssignment"("cityId", "dueAt");

-- CreateIndex
CREATE INDEX "PersonAssignment_userId_courseId_idx" ON "PersonAssignment"("userId", "courseId");

-- CreateIndex
CREATE INDEX "PersonAssignment_enrollmentId_idx" ON "PersonAssignment"("enrollmentId");

-- CreateIndex
CREATE INDEX "PersonAssignment_courseId_cityId_idx" ON "PersonAssignment"("courseId", "cityId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonAssignment_assignmentId_userId_cycle_key" ON "PersonAssignment"("assignmentId", "userId", "cycle");

-- CreateIndex
CREATE INDEX "Accommodation_userId_kind_idx" ON "Accommodation"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_personAssignmentId_kind_key" ON "ReminderSent"("personAssignmentId", "kind");

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt");


-- Earlier departments were flat: each is a root.
UPDATE "Department" SET "path" = "id" || '/', "depth" = 1, "siblingsKey" = '';

-- Earlier assigned enrolments become person-assignments of cycle 1 (their own due date).
INSERT INTO "PersonAssignment" ("id", "assignmentId", "userId", "cityId", "courseId", "cycle", "assignedAt", "dueAt", "enrollmentId")
SELECT 'migrated-' || e."id", e."assignmentId", e."userId", u."cityId", e."courseId", e."cycle", e."enrolledAt", e."dueAt", e."id"
FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId"
WHERE e."assignmentId" IS NOT NULL AND e."dueAt" IS NOT NULL;
