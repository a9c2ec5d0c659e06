import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor } from './support';

/** A fresh customer of this test's own, created through the form; returns its id. */
async function createCustomer(page: Page, lastName: string): Promise<string> {
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill('Audrey');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Email').fill(`${lastName.toLowerCase()}@example.test`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
  return page.url().split('/').pop()!;
}

const rows = (page: Page) => page.getByTestId('audit-row');
const filters = (page: Page) => page.getByRole('search', { name: 'Audit log' });

test.use({ storageState: storageStateFor('admin') });

test('a change made in the console shows up in the audit log, which filters by customer and by action', async ({
  page,
}) => {
  test.slow(); // a create, an edit and four audit log loads
  const lastName = `Audit${Date.now()}`;
  const id = await createCustomer(page, lastName);
  await page.goto(`/customers/${id}/edit`);
  await page.getByLabel('First name').fill('Audra');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Customer saved')).toBeVisible();

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }),
  ).toHaveAttribute('aria-current', 'page');

  // By customer: typing the id narrows the log to this customer's two events, newest first.
  await filters(page).getByLabel('Customer id').fill(id);
  await expect(page).toHaveURL(new RegExp(`[?&]customer=${id}`));
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText('Profile updated');
  await expect(rows(page).nth(0)).toContainText('firstName');
  await expect(rows(page).nth(0)).toContainText('admin@example.com');
  await expect(rows(page).nth(1)).toContainText('Customer created');
  // Each row links to the customer while it exists.
  await expect(rows(page).nth(0).getByRole('link', { name: id })).toHaveAttribute(
    'href',
    `/customers/${id}`,
  );
  await expectNoSeriousA11yViolations(page);

  // By action, on top of the customer: only the update remains.
  await filters(page).getByLabel('Action').selectOption({ label: 'Profile updated' });
  await expect(page).toHaveURL(/[?&]action=customer\.updated/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('customer.updated');

  // By action alone: every row on the page is that action, and this update is among them.
  await filters(page).getByLabel('Customer id').fill('');
  await expect(page).not.toHaveURL(/[?&]customer=/);
  await expect(rows(page).first()).toBeVisible();
  for (const action of await rows(page).getByTestId('audit-action').allTextContents()) {
    expect(action).toBe('customer.updated');
  }
  await expect(rows(page).filter({ hasText: id })).toHaveCount(1);

  // The filters are the URL: a reload keeps them, and "Clear filters" drops them.
  await page.reload();
  await expect(filters(page).getByLabel('Action')).toHaveValue('customer.updated');
  await filters(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(filters(page).getByLabel('Action')).toHaveValue('');
});

test('the log pages with Newer and Older, and a bad filter in the URL is named, not ignored', async ({
  page,
}) => {
  test.slow(); // a create, two edits and five audit log loads
  const id = await createCustomer(page, `Pages${Date.now()}`);
  for (const firstName of ['Ada', 'Ava']) {
    await page.goto(`/customers/${id}/edit`);
    await page.getByLabel('First name').fill(firstName);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Customer saved')).toBeVisible();
  }

  // Two events to a page: the two updates, then the creation, then back.
  await page.goto(`/audit?customer=${id}&limit=2`);
  const pager = page.getByRole('navigation', { name: 'Audit log pages' });
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'Profile updated' })).toHaveCount(2);
  await expect(pager.getByRole('link', { name: /Newer/ })).toHaveCount(0);
  await pager.getByRole('link', { name: /Older/ }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Customer created');
  await expect(pager.getByRole('link', { name: /Older/ })).toHaveCount(0);
  await pager.getByRole('link', { name: /Newer/ }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'Profile updated' })).toHaveCount(2);
  await expect(pager.getByRole('link', { name: /Newer/ })).toHaveCount(0);

  await page.goto('/audit?action=not-an-action&customer=wal_123');
  const alert = page.getByRole('alert').filter({ hasText: 'These filters cannot be applied' });
  await expect(alert).toContainText('action');
  await expect(alert).toContainText('customerId');
  await expectNoSeriousA11yViolations(page);
  await alert.getByRole('link', { name: 'Show the whole log' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(rows(page).first()).toBeVisible();
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('a viewer’s reveal of contact details is in the log, which viewers may read', async ({
    page,
  }) => {
    await page.goto('/customers?status=approved');
    const first = page.getByTestId('customer-row').first().getByRole('link');
    const href = (await first.getAttribute('href'))!;
    const id = href.split('/').pop()!;
    await page.goto(href);
    await page.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(page.getByText(/The reveal was recorded/)).toBeVisible();

    await page.goto(`/audit?customer=${id}&action=customer.contact_revealed`);
    const reveal = rows(page).filter({ hasText: 'viewer@example.com' });
    await expect(reveal.first()).toContainText('Contact revealed');
    await expect(reveal.first()).toContainText('revealed:');
    await expectNoSeriousA11yViolations(page);
  });
});
