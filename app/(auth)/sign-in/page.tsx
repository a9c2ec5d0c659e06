import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getStaffActor } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/customers';
  if (await getStaffActor()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">Customer Console</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Sign in with your staff account.
          </p>
        </div>
        <SignInForm next={target} />
      </div>
    </main>
  );
}
