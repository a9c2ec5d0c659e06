import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers, wallets, type Wallet } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { ConflictError } from '@/lib/errors';
import { isCustomerIdShape, newWalletId } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { generateAddress } from './addresses';
import { customerNotFound } from './queries';
import { walletCreateSchema } from './schemas';

/** Random 20- or 32-byte addresses practically never collide; a few tries are plenty. */
const ADDRESS_ATTEMPTS = 5;

/**
 * Opens a wallet on one network for a live customer: one per network per customer (409
 * `wallet_exists`), with a fresh address that no other wallet has. The customer's row is
 * held FOR SHARE so a concurrent delete cannot erase the customer in between.
 *
 * The customer is looked up before the body is validated: a wrong id is a 404 whatever the body.
 */
export async function createWallet(
  context: RequestContext,
  customerId: string,
  input: unknown,
): Promise<Wallet> {
  authorize(context.actor, 'wallets:write');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
      .for('share');
    if (!customer) throw customerNotFound();
    const { network } = parseOrThrow(walletCreateSchema, input);

    for (let attempt = 0; attempt < ADDRESS_ATTEMPTS; attempt++) {
      // DO NOTHING rather than catching the unique violation: an error would abort the
      // transaction, and a concurrent create of the same network waits here for the other
      // to commit, then sees its wallet below.
      const [wallet] = await tx
        .insert(wallets)
        .values({ id: newWalletId(), customerId, network, address: generateAddress(network) })
        .onConflictDoNothing()
        .returning();
      if (wallet) {
        await recordAudit(tx, context, {
          action: 'wallet.created',
          customerId,
          after: { walletId: wallet.id, network },
        });
        return wallet;
      }
      const [existing] = await tx
        .select({ id: wallets.id })
        .from(wallets)
        .where(and(eq(wallets.customerId, customerId), eq(wallets.network, network)));
      if (existing) {
        throw new ConflictError('wallet_exists', `This customer already has a ${network} wallet.`, [
          { field: 'network', message: 'The customer already has a wallet on this network' },
        ]);
      }
      // Otherwise the address (or the id) was taken: try again with new ones.
    }
    throw new Error(`No unused ${network} address after ${ADDRESS_ATTEMPTS} attempts`);
  });
}
