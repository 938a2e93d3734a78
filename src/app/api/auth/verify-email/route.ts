import type { NextRequest } from "next/server";
import { db } from "@/server/db";
import { confirmEmail } from "@/server/services/account/confirm-email";

// The link in a verification mail. A relative Location: the Host header
// decides nothing here.
export async function GET(request: NextRequest) {
  const { verified } = await confirmEmail(db, request.nextUrl.searchParams.get("token") ?? "");
  if (!verified) {
    return new Response("This verification link has expired or was already used.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(null, { status: 303, headers: { Location: "/settings?emailVerified=1", "Cache-Control": "no-store" } });
}
