import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, SEEDED_CUSTOMERS_LIST, storageStateFor } from './support';

async function firstCustomerHref(page: Page): Promise<string> {
  await page.goto(SEEDED_CUSTOMERS_LIST);
  const href = await page
    .locator('main a[href^="/customers/cus_"], main a[href^="/customers/biz_"]')
    .first()
    .getAttribute('href');
  expect(href, 'the list shows at least one customer link').toBeTruthy();
  return href!;
}

test('the sign-in page has no serious accessibility violations', async ({ browser }) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

const ADMIN_PAGES: { name: string; path: (detail: string) => string }[] = [
  { name: 'customer list', path: () => '/customers' },
  { name: 'filtered customer list', path: () => '/customers?type=business&status=approved' },
  { name: 'customer detail', path: (detail) => detail },
  { name: 'new customer form', path: () => '/customers/new' },
  { name: 'edit customer form', path: (detail) => `${detail}/edit` },
  { name: 'customer not found', path: () => '/customers/cus_doesnotexist0000000' },
  { name: 'API keys settings', path: () => '/settings/api-keys' },
  { name: 'staff settings', path: () => '/settings/staff' },
  { name: 'audit log', path: () => '/audit' },
  { name: 'deletion request queue', path: () => '/deletion-requests' },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`signed in as admin, ${scheme} colour scheme`, () => {
    test.use({ storageState: storageStateFor('admin'), colorScheme: scheme });

    for (const { name, path } of ADMIN_PAGES) {
      test(`the ${name} page has no serious accessibility violations`, async ({ page }) => {
        const detail = name.includes('customer') ? await firstCustomerHref(page) : '';
        await page.goto(path(detail));
        await page.waitForLoadState('networkidle');
        await expectNoSeriousA11yViolations(page);
      });
    }
  });
}

test.describe('signed in as viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('masked pages have no serious accessibility violations', async ({ page }) => {
    const detail = await firstCustomerHref(page);
    for (const path of ['/customers', detail]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page);
    }
  });
});
