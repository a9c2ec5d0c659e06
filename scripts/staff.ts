import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { closeDatabase, db } from '@/db/client';
import { insertStaffMember } from '@/lib/staff/store';

/**
 * `npm run staff -- create --email a@b.c --name "Ada" --role admin [--password …]`
 * Adds a staff member from the command line (the first admin of a production install).
 * Without --password a strong one is generated and printed once.
 */
const usage =
  'Usage: npm run staff -- create --email <email> --name <name> --role admin|support|viewer [--password <password>]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'admin' },
    password: { type: 'string' },
  },
});

if (positionals[0] !== 'create' || !values.email || !values.name) {
  console.error(usage);
  process.exit(2);
}

const password = values.password ?? randomBytes(18).toString('base64url');
try {
  const member = await insertStaffMember(db, {
    email: values.email,
    name: values.name,
    role: values.role as 'admin',
    password,
  });
  console.log(`Created ${member.role} ${member.email}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
  await closeDatabase();
} catch (error) {
  const message =
    error instanceof ZodError
      ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      : /staff_users_email_unique|duplicate key/.test(String((error as Error).cause ?? error))
        ? `A staff member with the email ${values.email} already exists.`
        : String(error);
  console.error(message);
  process.exit(1);
}
