-- AlterTable
ALTER TABLE "User" ADD COLUMN     "adminRevokedAt" TIMESTAMP(3),
ADD COLUMN     "createdByOperator" BOOLEAN NOT NULL DEFAULT false;
