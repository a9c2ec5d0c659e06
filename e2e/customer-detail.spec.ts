import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, SEEDED_CUSTOMERS_LIST, storageStateFor } from './support';

test.use({ storageState: storageStateFor('admin') });

/**
 * Opens the oldest seeded customer that holds funds. The oldest, because other specs running
 * in parallel create (and delete) the newest customers; those hold no funds worth showing.
 */
async function openSeededCustomerWithFunds(page: Page): Promise<string> {
  await page.goto(`${SEEDED_CUSTOMERS_LIST}&funded=true`);
  const links = page.locator('a[href^="/customers/cus_"], a[href^="/customers/biz_"]');
  await expect(links.first()).toBeVisible();
  const hrefs = [
    ...new Set(await links.evaluateAll((found) => found.map((a) => a.getAttribute('href') ?? ''))),
  ].filter((href) => /^\/customers\/(cus|biz)_[A-Za-z0-9]+$/.test(href));
  for (const href of hrefs.slice(0, 20)) {
    await page.goto(href);
    const total = page.getByTestId('balance-total');
    await expect(total).toBeVisible();
    if (!(await total.innerText()).startsWith('$0.00')) return href;
  }
  throw new Error('None of the oldest seeded customers holds funds');
}

/** A customer of this test's own, through the console's new-customer form. */
async function createCustomer(page: Page, name: string): Promise<string> {
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill(name);
  await page.getByLabel('Last name').fill('Detail');
  await page.getByLabel('Email').fill(`${name.toLowerCase()}@example.com`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]+$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

test('an admin sees a seeded customer’s profile, balances in USD by network and activity', async ({
  page,
}) => {
  const href = await openSeededCustomerWithFunds(page);
  const id = href.split('/').at(-1)!;

  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Copy ${id}` }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveAttribute(
    'href',
    `/customers/${id}/edit`,
  );

  await expect(page.getByTestId('balance-total')).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}\s+USD$/);
  const chart = page.getByRole('figure', { name: 'Balance by network' });
  await expect(chart).toBeVisible();
  const bars = chart.getByRole('table', { name: 'USD value by network' }).getByRole('row');
  expect(await bars.count()).toBeGreaterThan(1);
  await expect(bars.nth(1)).toContainText('$');
  await expect(page.getByRole('heading', { name: /wallet$/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Copy wal_[A-Za-z0-9]+$/ }).first()).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'KYC' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Metadata' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('an admin records a KYC decision with a reason and sees it in the history and activity', async ({
  page,
}) => {
  const name = `Kyc${Date.now()}`;
  await createCustomer(page, name);
  await expect(page.getByRole('heading', { level: 1, name: `${name} Detail` })).toBeVisible();
  const activity = page.getByTestId('activity-row');
  await expect(activity.filter({ hasText: 'Customer created' })).toHaveCount(1);

  const form = page.getByRole('form', { name: 'Record a KYC decision' });
  await form.getByRole('radio', { name: 'Request more information' }).check();
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(form.getByText('Give a reason for the decision')).toBeVisible();

  const reason = `Proof of address missing (${name})`;
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Record decision' }).click();

  const history = page.getByRole('list', { name: 'KYC decisions, newest first' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem').first()).toContainText(reason);
  await expect(history.getByRole('listitem').first()).toContainText('Not started → Incomplete');
  await expect(history.getByRole('listitem').first()).toContainText('by Ada Admin');
  await expect(form.getByLabel('Reason')).toHaveValue('');

  const decided = activity.filter({ hasText: 'KYC decision' });
  await expect(decided).toHaveCount(1);
  await expect(decided).toContainText('admin@example.com');
  await expect(decided).toContainText('Not started → Incomplete');
  // The reason stays in the KYC history: the audit trail holds no free text.
  await expect(decided).not.toContainText(reason);

  await form.getByRole('radio', { name: 'Approve' }).check();
  await form.getByLabel('Reason').fill('Proof of address received');
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Incomplete → Approved');
  // The page itself, not the shared toast (checked once its success message has gone).
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a missing or malformed customer id shows the not-found page', async ({ page }) => {
  for (const id of ['cus_doesnotexist00000001', 'biz_nope', 'not-a-customer']) {
    await page.goto(`/customers/${id}`);
    await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to customers' })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);
});
