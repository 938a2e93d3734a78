import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * A plain link, not a fetch: the browser streams the zip straight to disk,
 * so a large export never sits in the page's memory.
 */
export function ExportData() {
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">
        A zip of every file you keep here, plus your jobs and chats (with their messages) as JSON. Large accounts take a while to download.
      </p>
      <div>
        <Button asChild variant="outline">
          <a href="/api/account/export" download>
            <Download aria-hidden /> Export my data
          </a>
        </Button>
      </div>
    </div>
  );
}
