import Link from "next/link";
import { FileStack } from "lucide-react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Button } from "@/components/ui/button";
import { auth } from "@/server/auth";
import { MobileNav, type NavLink } from "./mobile-nav";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  // Inline from `sm` up; folded into MobileNav's menu on a phone.
  const links: NavLink[] = [
    { href: "/chat", label: "Chat with a PDF" },
    user ? { href: "/dashboard", label: "Dashboard" } : { href: "/sign-in", label: "Sign in" },
  ];
  return (
    <header className="sticky top-0 z-40 border-b bg-background/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold" aria-label="FileForge home">
          <FileStack className="size-5 text-primary" aria-hidden />
          <span>FileForge</span>
        </Link>
        <nav aria-label="Main" className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
          {links.map((link) => (
            <Button key={link.href} asChild variant="ghost" size="sm" className="hidden sm:inline-flex">
              <Link href={link.href}>{link.label}</Link>
            </Button>
          ))}
          {user ? (
            <UserMenu name={user.name ?? null} email={user.email ?? null} isAdmin={user.role === "ADMIN"} />
          ) : (
            <Button asChild size="sm">
              <Link href="/sign-up">Sign up</Link>
            </Button>
          )}
          <ThemeToggle />
          <MobileNav links={links} />
        </nav>
      </div>
    </header>
  );
}
