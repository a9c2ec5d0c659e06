import type { Locator, Page } from '@playwright/test';
import path from 'node:path';

export type Role = 'admin' | 'support' | 'viewer';

export function storageStateFor(role: Role): string {
  return path.join(import.meta.dirname, '.auth', `${role}.json`);
}

/** A toast by its text, and not the same words elsewhere on the page (e.g. the activity list). */
export function toast(page: Page, text: string): Locator {
  return page.getByRole('region', { name: /^Notifications/ }).getByText(text);
}

/**
 * The list's oldest first: seeded customers, which no spec creates or deletes. The newest
 * are other specs' own customers, which a spec running in parallel may delete at any moment.
 */
export const SEEDED_CUSTOMERS_LIST = '/customers?sort=created-asc';
