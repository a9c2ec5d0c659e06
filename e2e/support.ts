import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
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

/** axe on the page as it is now: no serious or critical violation, each named with its nodes. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}
