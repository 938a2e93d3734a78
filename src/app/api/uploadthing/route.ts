import { createRouteHandler } from "uploadthing/next";
import { env } from "@/env";
import { uploadRouter } from "./upload-router";

export const dynamic = "force-dynamic";

const notConfigured = () =>
  Response.json({ error: { code: "NOT_FOUND", message: "UploadThing is not configured: upload through /api/files." } }, { status: 404 });

// Only when UPLOADTHING_TOKEN is set; local storage uploads go to /api/files.
const handlers = env.UPLOADTHING_TOKEN
  ? createRouteHandler({ router: uploadRouter, config: { token: env.UPLOADTHING_TOKEN, logLevel: "Warning" } })
  : { GET: notConfigured, POST: notConfigured };

export const { GET, POST } = handlers;
