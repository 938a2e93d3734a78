import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="text-sm font-medium text-primary">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">This page does not exist, or the file it pointed to has been deleted.</p>
      <Button asChild>
        <Link href="/">Back to the tools</Link>
      </Button>
    </div>
  );
}
