import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { auth } from "@/server/auth";
import { loadUserActor } from "@/server/auth/actor";
import { db } from "@/server/db";

/**
 * The signed-in administrator, or the app's ordinary 404: visitors, guests,
 * users and disabled admins see the same page as for a URL that does not
 * exist, so /admin does not advertise itself. Cached per request: the layout
 * and the page both ask.
 */
export const requireAdmin = cache(async () => {
  const session = await auth();
  const user = session?.user?.id ? await loadUserActor(db, session.user.id).catch(() => null) : null;
  if (user?.role !== "ADMIN") notFound();
  return user;
});
