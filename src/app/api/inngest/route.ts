import { serve } from "inngest/next";
import { inngest } from "@/server/events/inngest-client";
import { functions } from "~/inngest/index";
import { inngestServeOptions } from "./serve-options";

export const dynamic = "force-dynamic";

// Inngest Cloud, a self-hosted Inngest server or the dev server call this
// endpoint to run functions. In embedded mode nothing calls it.
export const { GET, POST, PUT } = serve({ client: inngest, functions, ...inngestServeOptions() });
