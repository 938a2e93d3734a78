import "server-only";
import type { DbTx } from "@/server/db";

/** Every row of an account that belongs in its export, shaped for JSON (no storage keys or hashes). */
export async function collectAccountData(db: DbTx, userId: string) {
  const [user, files, jobs, chats] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, role: true, createdAt: true, passwordHash: true, accounts: { select: { provider: true, createdAt: true } } },
    }),
    db.file.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, size: true, mimeType: true, sha256: true, createdAt: true, jobId: true, storageKey: true },
    }),
    db.job.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, tool: true, options: true, status: true, progress: true, error: true,
        createdAt: true, startedAt: true, finishedAt: true,
        inputs: { orderBy: { position: "asc" }, select: { position: true, file: { select: { id: true, name: true } } } },
        outputs: { select: { id: true, name: true } },
      },
    }),
    db.chat.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, title: true, createdAt: true, updatedAt: true,
        files: { select: { file: { select: { id: true, name: true } } } },
        messages: { orderBy: { createdAt: "asc" }, select: { id: true, role: true, parts: true, createdAt: true } },
      },
    }),
  ]);
  if (!user) return null;
  const { passwordHash, accounts, ...profile } = user;
  return {
    account: { ...profile, hasPassword: passwordHash !== null, connectedAccounts: accounts },
    files,
    jobs: jobs.map(({ inputs, ...job }) => ({ ...job, inputs: inputs.map((input) => ({ position: input.position, ...input.file })) })),
    chats: chats.map(({ files: chatFiles, ...chat }) => ({ ...chat, files: chatFiles.map((entry) => entry.file) })),
  };
}

export type AccountData = NonNullable<Awaited<ReturnType<typeof collectAccountData>>>;
