import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { insertStaffMember } from './store';

/**
 * The first admin of a production install: CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD
 * create that admin at start-up if no staff member has the email yet (later starts do nothing).
 */
export async function ensureBootstrapAdmin(): Promise<void> {
  const email = process.env.CONSOLE_ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.CONSOLE_ADMIN_PASSWORD;
  if (!email || !password) return;
  const [existing] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.email, email));
  if (existing) return;
  await insertStaffMember(db, {
    name: process.env.CONSOLE_ADMIN_NAME ?? 'Administrator',
    email,
    role: 'admin',
    password,
  });
  console.log(`Created the first admin ${email} from CONSOLE_ADMIN_EMAIL.`);
}
