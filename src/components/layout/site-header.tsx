import Link from "next/link";
import { FileStack } from "lucide-react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Button } from "@/components/ui/button";
import { auth } from "@/server/auth";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="sticky top-0 z-40 border-b bg-background/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold" aria-label="FileForge home">
          <FileStack className="size-5 text-primary" aria-hidden />
          <span>FileForge</span>
        </Link>
        <nav aria-label="Main" className="ml-auto flex items-center gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/chat">Chat with a PDF</Link>
          </Button>
          {user ? (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link href="/dashboard">Dashboard</Link>
              </Button>
              <UserMenu name={user.name ?? null} email={user.email ?? null} isAdmin={user.role === "ADMIN"} />
            </>
          ) : (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link href="/sign-in">Sign in</Link>
              </Button>
              <Button asChild size="sm">
                <Link href="/sign-up">Sign up</Link>
              </Button>
            </>
          )}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
