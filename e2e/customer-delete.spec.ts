import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor, toast } from './support';

test.use({ storageState: storageStateFor('admin') });

test('a customer holding funds cannot be deleted; once emptied, it is deleted after typing its id and a reason', async ({
  page,
}) => {
  test.slow(); // a customer, a wallet, two fund movements and two dialogs
  const lastName = `Delete${Date.now()}`;
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill('Alan');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
  const id = page.url().split('/').pop()!;

  const addWallet = page.getByRole('form', { name: 'Add wallet' });
  await addWallet.getByLabel('Network').selectOption('polygon');
  await addWallet.getByRole('button', { name: 'Add wallet' }).click();
  const funds = page.getByRole('form', { name: 'Sandbox funds for polygon wallet' });
  await expect(funds).toBeVisible();
  await funds.getByLabel('Currency').selectOption('USDC');
  await funds.getByLabel('Amount').fill('5');
  await funds.getByRole('button', { name: 'Credit' }).click();
  await expect(page.getByText(/Credited 5\.000000 USDC/)).toBeVisible();

  // Blocked while the wallet holds funds, and the dialog says why.
  await page.getByRole('button', { name: 'Delete customer' }).click();
  let dialog = page.getByRole('dialog', { name: 'Delete customer' });
  await expect(dialog.getByText('Deletion is blocked')).toBeVisible();
  await expect(dialog.getByText(/still holds funds/)).toBeVisible();
  await expect(dialog.getByText('5.000000 USDC')).toBeVisible();
  await expect(dialog.getByLabel('Reason')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await funds.getByLabel('Currency').selectOption('USDC');
  await funds.getByLabel('Amount').fill('5');
  await funds.getByRole('button', { name: 'Debit' }).click();
  await expect(page.getByText(/Debited 5\.000000 USDC/)).toBeVisible();

  // Emptied: the id must be typed exactly, and a reason given.
  await page.getByRole('button', { name: 'Delete customer' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete customer' });
  await expect(
    dialog.getByText('1 wallet and the ledger stay on record', { exact: false }),
  ).toBeVisible();
  await expect(dialog.getByText('Deletion is blocked')).toHaveCount(0);
  const confirmId = dialog.getByLabel(/Type the customer id/);
  await confirmId.fill(id.toLowerCase());
  await dialog.getByRole('button', { name: 'Delete customer' }).click();
  await expect(confirmId).toHaveAccessibleDescription(`Type ${id} exactly to confirm`);
  await expect(dialog.getByLabel('Reason')).toHaveAccessibleDescription(/Say why/);
  await expectNoSeriousA11yViolations(page);

  await confirmId.fill(id);
  await dialog.getByLabel('Reason').fill('Closed the account at the customer’s request');
  await dialog.getByRole('button', { name: 'Delete customer' }).click();

  await expect(toast(page, 'Customer deleted')).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);
  await page.goto(`/customers/${id}`);
  await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
});

test.describe('as support staff', () => {
  test.use({ storageState: storageStateFor('support') });

  test('the detail page offers no delete to support', async ({ page }) => {
    await page.goto('/customers/new');
    await page.getByLabel('First name').fill('Kept');
    await page.getByLabel('Last name').fill(`Support${Date.now()}`);
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete customer' })).toHaveCount(0);
  });
});
