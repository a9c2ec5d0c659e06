import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { MainNav, type NavItem } from '@/components/shell/main-nav';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { QuickLookup } from '@/components/lookup/quick-lookup';

/** The signed-in shell: every page below requires a staff session (checked here and in each domain call). */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaffActor();
  const items: NavItem[] = [
    { href: '/customers', label: 'Customers' },
    ...(can(actor, 'deletion-requests:file')
      ? [{ href: '/deletion-requests', label: 'Deletion requests' }]
      : []),
    { href: '/audit', label: 'Audit log' },
    ...(can(actor, 'api-keys:manage') ? [{ href: '/settings', label: 'Settings' }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/customers" className="font-semibold">
              Customer Console
            </Link>
            <MainNav items={items} />
          </div>
          <div className="flex items-center gap-2 text-sm">
            <QuickLookup />
            <ThemeToggle />
            <span className="hidden text-zinc-600 md:inline dark:text-zinc-400">
              {actor.name} · <span className="capitalize">{actor.role}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
