-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "sealedOptions" TEXT,
ADD COLUMN     "secretOptionNames" TEXT[] DEFAULT ARRAY[]::TEXT[];
