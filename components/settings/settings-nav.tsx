'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const sections = [
  { href: '/settings/api-keys', label: 'API keys' },
  { href: '/settings/staff', label: 'Staff' },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-4">
        {sections.map((section) => {
          const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? 'page' : undefined}
                className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${
                  active
                    ? 'border-indigo-600 text-zinc-900 dark:border-indigo-400 dark:text-zinc-100'
                    : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
