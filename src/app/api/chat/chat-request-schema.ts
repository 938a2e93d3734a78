import { z } from "zod";

/**
 * POST /api/chat body, as useChat's DefaultChatTransport sends it (`id`,
 * `messages`, `trigger`, `messageId`) plus our `fileIds`. Only the last
 * message is used, and the service validates it strictly; unknown keys are dropped.
 */
export const chatRequestSchema = z.object({
  // useChat's ids: 16+ random characters, unguessable.
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Invalid chat id."),
  messages: z.array(z.unknown()).min(1).max(500),
  fileIds: z.array(z.string().min(1).max(64)).min(1, "Choose at least one document.").max(10, "Chat with up to 10 documents at a time."),
});

export type ChatRequestBody = z.infer<typeof chatRequestSchema>;
