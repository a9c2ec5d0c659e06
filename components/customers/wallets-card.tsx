import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { currenciesOn, NETWORKS, type CurrencyCode, type Network } from '@/lib/money/currencies';
import { ExactDecimal } from '@/lib/money/decimal';
import type { CustomerBalances } from '@/lib/wallets/queries';
import { AddWalletForm } from './add-wallet-form';
import { NetworkChart, type NetworkValue } from './network-chart';
import { SandboxFundsForm } from './sandbox-funds-form';

const NETWORK_LABELS: Record<Network, string> = {
  ethereum: 'Ethereum',
  base: 'Base',
  polygon: 'Polygon',
  arbitrum: 'Arbitrum',
  optimism: 'Optimism',
  solana: 'Solana',
  tron: 'Tron',
};

const time = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** "1234567.50" → "$1,234,567.50": grouped from the exact string, never through a float. */
function formatUsd(amount: string): string {
  const [whole = '0', cents = '00'] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Every wallet with its balances in tokens and USD, the USD total and a chart by network. */
export function WalletsCard({
  customerId,
  balances,
  canAddWallet,
  canMoveSandboxFunds,
}: {
  customerId: string;
  balances: CustomerBalances;
  canAddWallet: boolean;
  canMoveSandboxFunds: boolean;
}) {
  const held = new Set(balances.wallets.map((wallet) => wallet.network));
  const missing = NETWORKS.filter((network) => !held.has(network));
  const byNetwork: NetworkValue[] = balances.wallets.map((wallet) => {
    // One wallet per network: the network's value is the sum of its wallet's lines.
    const usd = wallet.balances
      .reduce((sum, line) => sum.plus(line.usdValue), new ExactDecimal(0))
      .toFixed(2);
    return {
      network: wallet.network,
      label: NETWORK_LABELS[wallet.network],
      usd,
      usdText: formatUsd(usd),
    };
  });

  return (
    <Card
      title="Wallets"
      actions={
        canAddWallet ? (
          <AddWalletForm
            // Remount when a wallet opens, so the select starts from a network still missing.
            key={missing.join(',')}
            customerId={customerId}
            networks={missing.map((network) => ({ network, label: NETWORK_LABELS[network] }))}
          />
        ) : null
      }
    >
      <div className="space-y-6">
        <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
          <div>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Total balance</p>
            <p className="text-3xl font-semibold tabular-nums" data-testid="balance-total">
              {formatUsd(balances.totalBalance.amount)}{' '}
              <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">USD</span>
            </p>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              As of <time dateTime={balances.asOf}>{time.format(new Date(balances.asOf))} UTC</time>
            </p>
          </div>
          <NetworkChart values={byNetwork} totalUsd={balances.totalBalance.amount} />
        </div>

        {balances.wallets.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">This customer has no wallets.</p>
        ) : (
          <ul className="space-y-4">
            {balances.wallets.map((wallet) => {
              const amounts: Partial<Record<CurrencyCode, string>> = Object.fromEntries(
                wallet.balances.map((line) => [line.currency, line.amount]),
              );
              const headingId = `wallet-${wallet.walletId}`;
              return (
                <li
                  key={wallet.walletId}
                  className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
                >
                  <section aria-labelledby={headingId} className="space-y-3">
                    <div className="space-y-1">
                      <h3 id={headingId} className="font-semibold">
                        {NETWORK_LABELS[wallet.network]} wallet
                      </h3>
                      <p className="flex flex-wrap items-center gap-1 text-sm">
                        <span className="text-zinc-600 dark:text-zinc-400">Address</span>
                        <code className="break-all">{wallet.address}</code>
                        <CopyButton value={wallet.address} />
                      </p>
                      <p className="flex flex-wrap items-center gap-1 text-xs">
                        <span className="text-zinc-600 dark:text-zinc-400">Wallet ID</span>
                        <code>{wallet.walletId}</code>
                        <CopyButton value={wallet.walletId} />
                      </p>
                    </div>
                    {wallet.balances.length === 0 ? (
                      <p className="text-sm text-zinc-600 dark:text-zinc-400">
                        No funds have moved on this wallet.
                      </p>
                    ) : (
                      <div className="overflow-x-auto">
                        <table className="w-full text-sm">
                          <caption className="sr-only">
                            Balances of the {NETWORK_LABELS[wallet.network]} wallet
                          </caption>
                          <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
                            <tr>
                              <th scope="col" className="py-1 pr-3 font-medium">
                                Currency
                              </th>
                              <th scope="col" className="py-1 pr-3 text-right font-medium">
                                Amount
                              </th>
                              <th scope="col" className="py-1 text-right font-medium">
                                USD value
                              </th>
                            </tr>
                          </thead>
                          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                            {wallet.balances.map((line) => (
                              <tr key={line.currency}>
                                <th scope="row" className="py-1 pr-3 text-left font-medium">
                                  {line.currency}
                                </th>
                                <td className="py-1 pr-3 text-right break-all tabular-nums">
                                  {line.amount}
                                </td>
                                <td className="py-1 text-right whitespace-nowrap tabular-nums">
                                  {formatUsd(line.usdValue)}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  </section>
                  {canMoveSandboxFunds ? (
                    <SandboxFundsForm
                      walletId={wallet.walletId}
                      network={wallet.network}
                      currencies={currenciesOn(wallet.network)}
                      balances={amounts}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Card>
  );
}
