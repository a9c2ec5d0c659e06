import { describe, expect, it } from 'vitest';

import {
  CURRENCIES,
  CURRENCY_CODES,
  NETWORKS,
  currenciesOn,
  currencyExistsOn,
  isCurrencyCode,
  isNetwork,
} from '@/lib/money/currencies';

describe('networks and currencies', () => {
  it('lists the seven supported networks', () => {
    expect(NETWORKS).toEqual([
      'ethereum',
      'base',
      'polygon',
      'arbitrum',
      'optimism',
      'solana',
      'tron',
    ]);
  });

  it('gives each currency its on-chain number of decimals', () => {
    expect(CURRENCIES.USDC.decimals).toBe(6);
    expect(CURRENCIES.USDT.decimals).toBe(6);
    expect(CURRENCIES.EURC.decimals).toBe(6);
    expect(CURRENCIES.ETH.decimals).toBe(18);
    expect(CURRENCIES.SOL.decimals).toBe(9);
    expect(CURRENCIES.TRX.decimals).toBe(6);
  });

  it('offers every currency on at least one network and only on known networks', () => {
    for (const code of CURRENCY_CODES) {
      expect(CURRENCIES[code].networks.length).toBeGreaterThan(0);
      for (const network of CURRENCIES[code].networks) expect(isNetwork(network)).toBe(true);
    }
  });
});

describe('currencyExistsOn', () => {
  it('finds USDC on all seven networks', () => {
    for (const network of NETWORKS) expect(currencyExistsOn('USDC', network)).toBe(true);
  });

  it('knows where the other tokens circulate', () => {
    expect(currencyExistsOn('USDT', 'tron')).toBe(true);
    expect(currencyExistsOn('USDT', 'base')).toBe(false);
    expect(currencyExistsOn('EURC', 'base')).toBe(true);
    expect(currencyExistsOn('EURC', 'polygon')).toBe(false);
    expect(currencyExistsOn('ETH', 'arbitrum')).toBe(true);
    expect(currencyExistsOn('ETH', 'polygon')).toBe(false);
    expect(currencyExistsOn('ETH', 'solana')).toBe(false);
    expect(currencyExistsOn('SOL', 'solana')).toBe(true);
    expect(currencyExistsOn('SOL', 'ethereum')).toBe(false);
    expect(currencyExistsOn('TRX', 'tron')).toBe(true);
    expect(currencyExistsOn('TRX', 'ethereum')).toBe(false);
  });

  it('answers false for unknown currencies and networks, including wrong letter case', () => {
    expect(currencyExistsOn('DOGE', 'ethereum')).toBe(false);
    expect(currencyExistsOn('usdc', 'ethereum')).toBe(false);
    expect(currencyExistsOn('USDC', 'Ethereum')).toBe(false);
    expect(currencyExistsOn('USDC', 'bitcoin')).toBe(false);
    expect(currencyExistsOn('toString', 'ethereum')).toBe(false);
  });
});

describe('type guards', () => {
  it('recognise exact lower-case network names and upper-case currency codes only', () => {
    expect(isNetwork('polygon')).toBe(true);
    expect(isNetwork('POLYGON')).toBe(false);
    expect(isNetwork(1)).toBe(false);
    expect(isCurrencyCode('EURC')).toBe(true);
    expect(isCurrencyCode('eurc')).toBe(false);
    expect(isCurrencyCode(undefined)).toBe(false);
  });
});

describe('currenciesOn', () => {
  it('lists the currencies available on a network', () => {
    expect(currenciesOn('polygon')).toEqual(['USDC', 'USDT']);
    expect(currenciesOn('solana')).toEqual(['USDC', 'USDT', 'EURC', 'SOL']);
    expect(currenciesOn('tron')).toEqual(['USDC', 'USDT', 'TRX']);
  });
});
