import type { Network } from '@/lib/money/currencies';

export type NetworkValue = { network: Network; label: string; usd: string; usdText: string };

/**
 * USD value per network as horizontal CSS bars. It is a real table (network, bar, value,
 * share), so screen readers get the numbers; the bars themselves are decoration.
 */
export function NetworkChart({ values, totalUsd }: { values: NetworkValue[]; totalUsd: string }) {
  const total = Number(totalUsd);
  const largest = Math.max(0, ...values.map((value) => Number(value.usd)));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-semibold">Balance by network</figcaption>
      {largest === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No funds on any network yet.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">USD value by network</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Network</th>
              <th scope="col">USD value</th>
              <th scope="col">Share of total</th>
            </tr>
          </thead>
          <tbody>
            {values.map((value) => {
              const usd = Number(value.usd);
              const width = largest > 0 ? (usd / largest) * 100 : 0;
              const share = total > 0 ? (usd / total) * 100 : 0;
              return (
                <tr key={value.network}>
                  <th
                    scope="row"
                    className="w-24 py-1 pr-3 text-left font-normal whitespace-nowrap"
                  >
                    {value.label}
                  </th>
                  <td className="w-full py-1">
                    <div className="flex items-center gap-3">
                      <div
                        aria-hidden="true"
                        className="h-3 flex-1 rounded-sm bg-zinc-100 dark:bg-zinc-800"
                      >
                        <div
                          className="h-3 rounded-sm bg-indigo-600 dark:bg-indigo-400"
                          // A non-zero value stays visible even beside a much larger one.
                          style={{ width: `${usd > 0 ? Math.max(width, 1) : 0}%` }}
                        />
                      </div>
                      <span className="whitespace-nowrap tabular-nums">{value.usdText}</span>
                    </div>
                  </td>
                  <td className="w-14 py-1 pl-2 text-right whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">
                    {formatShare(share)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </figure>
  );
}

function formatShare(share: number): string {
  if (share === 0) return '0%';
  if (share < 1) return '<1%';
  return `${Math.round(share)}%`;
}
