export const NETWORKS = [
  'ethereum',
  'base',
  'polygon',
  'arbitrum',
  'optimism',
  'solana',
  'tron',
] as const;
export type Network = (typeof NETWORKS)[number];

export const CURRENCY_CODES = ['USDC', 'USDT', 'EURC', 'ETH', 'SOL', 'TRX'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export type CurrencyInfo = {
  readonly decimals: number;
  readonly networks: readonly Network[];
};

// Where each token really circulates: Tether has no native USDT on Base, Circle issues EURC
// only on Ethereum, Base and Solana, and Polygon's gas token is POL, so it has no native ETH.
export const CURRENCIES: Readonly<Record<CurrencyCode, CurrencyInfo>> = {
  USDC: { decimals: 6, networks: NETWORKS },
  USDT: {
    decimals: 6,
    networks: ['ethereum', 'polygon', 'arbitrum', 'optimism', 'solana', 'tron'],
  },
  EURC: { decimals: 6, networks: ['ethereum', 'base', 'solana'] },
  ETH: { decimals: 18, networks: ['ethereum', 'base', 'arbitrum', 'optimism'] },
  SOL: { decimals: 9, networks: ['solana'] },
  TRX: { decimals: 6, networks: ['tron'] },
};

// Exact, case-sensitive matches: the API treats 'Polygon' or 'usdc' as unknown values.
export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
}

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && (CURRENCY_CODES as readonly string[]).includes(value);
}

export function currencyExistsOn(currency: string, network: string): boolean {
  return (
    isCurrencyCode(currency) &&
    isNetwork(network) &&
    CURRENCIES[currency].networks.includes(network)
  );
}

export function currenciesOn(network: Network): CurrencyCode[] {
  return CURRENCY_CODES.filter((code) => CURRENCIES[code].networks.includes(network));
}
