import "server-only";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { ListUsersInput } from "./admin-schemas";

/** One page of accounts, newest first, matching `query` in the email or the name (case-insensitive). */
export async function listUsers(db: DbTx, input: ListUsersInput) {
  const where: Prisma.UserWhereInput = input.query
    ? {
        OR: [
          { email: { contains: input.query, mode: "insensitive" } },
          { name: { contains: input.query, mode: "insensitive" } },
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      // The id breaks ties, so pages never repeat or skip a user created in the same millisecond.
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true, _count: { select: { files: true, jobs: true } } },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
    users: users.map(({ _count, ...user }) => ({ ...user, files: _count.files, jobs: _count.jobs })),
  };
}
