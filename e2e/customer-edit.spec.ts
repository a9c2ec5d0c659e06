import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, SEEDED_CUSTOMERS_LIST, storageStateFor } from './support';

/** A fresh customer of this test's own, created through the form; returns its id. */
async function createCustomer(page: Page, lastName: string): Promise<string> {
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Email').fill(`${lastName.toLowerCase()}@example.test`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
  return page.url().split('/').pop()!;
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
}

const conflictNotice = (page: Page) =>
  page.getByRole('region', { name: 'Someone else changed this customer' });

test.use({ storageState: storageStateFor('admin') });

test('a save over someone else’s newer change is refused, shows what changed, and can reload or re-apply', async ({
  page: admin,
  browser,
}) => {
  test.slow(); // two sessions and six page loads
  const lastName = `Edit${Date.now()}`;
  const id = await createCustomer(admin, lastName);
  const supportContext = await browser.newContext({ storageState: storageStateFor('support') });
  const support = await supportContext.newPage();

  await admin.goto(`/customers/${id}/edit`);
  await support.goto(`/customers/${id}/edit`);
  await expect(support.getByLabel('First name')).toHaveValue('Grace');
  await expectNoSeriousA11yViolations(support);

  // Admin saves first.
  await admin.getByLabel('First name').fill('Augusta');
  await save(admin);
  await expect(admin.getByText('Customer saved')).toBeVisible();
  await expect(admin).toHaveURL(new RegExp(`/customers/${id}$`));

  // Support, still on the old version, is refused and told what changed.
  await support.getByLabel('Last name').fill('Hopper');
  await save(support);
  const notice = conflictNotice(support);
  await expect(notice).toBeVisible();
  await expect(notice).toBeFocused();
  const firstNameRow = notice.getByRole('row', { name: /First name/ });
  await expect(firstNameRow.getByRole('cell').nth(0)).toHaveText('Augusta');
  await expect(firstNameRow.getByRole('cell').nth(1)).toHaveText('Grace');
  await expect(support).toHaveURL(new RegExp(`/customers/${id}/edit$`));
  await expectNoSeriousA11yViolations(support);

  // Reload takes their version and drops this form's edit.
  await notice.getByRole('button', { name: 'Reload their version' }).click();
  await expect(notice).toHaveCount(0);
  await expect(support.getByLabel('First name')).toHaveValue('Augusta');
  await expect(support.getByLabel('Last name')).toHaveValue(lastName);

  // Another concurrent change; this time support re-applies its edit on top of it.
  await support.getByLabel('Last name').fill('Hopper');
  await admin.goto(`/customers/${id}/edit`);
  await admin.getByLabel('Middle name').fill('Brewster');
  await save(admin);
  await expect(admin).toHaveURL(new RegExp(`/customers/${id}$`));

  await save(support);
  await expect(notice.getByRole('row', { name: /Middle name/ })).toBeVisible();
  await notice.getByRole('button', { name: 'Re-apply my changes' }).click();
  await expect(support.getByText('Customer saved')).toBeVisible();
  await expect(support).toHaveURL(new RegExp(`/customers/${id}$`));

  await support.goto(`/customers/${id}/edit`);
  await expect(support.getByLabel('First name')).toHaveValue('Augusta');
  await expect(support.getByLabel('Middle name')).toHaveValue('Brewster');
  await expect(support.getByLabel('Last name')).toHaveValue('Hopper');
  await supportContext.close();
});

test('an edit sends only what changed: clearing a field and removing a metadata key', async ({
  page,
}) => {
  const lastName = `Patch${Date.now()}`;
  const id = await createCustomer(page, lastName);
  await page.goto(`/customers/${id}/edit`);
  await page.getByRole('button', { name: 'Add metadata row' }).click();
  await page.getByLabel('Metadata key 1').fill('tier');
  await page.getByLabel('Metadata value 1').fill('gold');
  await save(page);
  await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));

  await page.goto(`/customers/${id}/edit`);
  await expect(page.getByLabel('Metadata key 1')).toHaveValue('tier');
  await page.getByRole('button', { name: 'Remove metadata row 1' }).click();
  await page.getByLabel('Email').fill('');
  await save(page);
  await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));

  await page.goto(`/customers/${id}/edit`);
  await expect(page.getByLabel('Email')).toHaveValue('');
  await expect(page.getByLabel('Metadata key 1')).toHaveCount(0);
  await expect(page.getByLabel('Last name')).toHaveValue(lastName);
});

test('editing a customer that does not exist shows the not-found page', async ({ page }) => {
  await page.goto('/customers/cus_000000000000000000/edit');
  await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('the edit page says plainly that a viewer cannot edit customers', async ({ page }) => {
    await page.goto(SEEDED_CUSTOMERS_LIST);
    const first = page.locator('a[href^="/customers/cus_"], a[href^="/customers/biz_"]').first();
    const href = await first.getAttribute('href');
    await page.goto(`${href}/edit`);
    await expect(page.getByRole('heading', { name: 'You cannot edit customers' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  });
});
