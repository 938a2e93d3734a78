import { Ban } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ToolInfo } from "./tool-types";

/** Instead of the tool flow when this server cannot run the tool; admins also see how to turn it on. */
export function ToolUnavailable({ tool }: { tool: ToolInfo }) {
  const { reason, adminHint } = tool.availability;
  return (
    <Alert>
      <Ban aria-hidden />
      <AlertTitle>{tool.title} is not available here</AlertTitle>
      <AlertDescription>
        <p>{reason}</p>
        {adminHint ? (
          <p className="mt-2">
            <span className="font-medium text-foreground">For administrators: </span>
            {adminHint}
          </p>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}
