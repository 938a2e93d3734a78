-- CreateTable
CREATE TABLE "GuestOrigin" (
    "guestId" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestOrigin_pkey" PRIMARY KEY ("guestId")
);

-- CreateIndex
CREATE INDEX "GuestOrigin_ipHash_createdAt_idx" ON "GuestOrigin"("ipHash", "createdAt");
