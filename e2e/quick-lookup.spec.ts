import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor } from './support';

test.use({ storageState: storageStateFor('support') });

/** Opens a console page and waits for it to hydrate (the list shows its "/" hint then). */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByText('Press / to search from anywhere on this page.')).toBeVisible();
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Find a customer' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A demo customer with an email, read from the list page. */
async function demoCustomer(page: Page) {
  await open(page, '/customers?type=individual&sort=name-desc');
  const row = page.getByTestId('customer-row').filter({ hasText: '@' }).first();
  await expect(row).toBeVisible();
  return {
    id: (await row.getByText(/^(cus|biz)_[A-Za-z0-9]{18}$/).textContent())!,
    name: (await row.getByRole('link').textContent())!,
    email: (await row.locator('td:nth-child(3)').textContent())!,
  };
}

test('Ctrl+K finds a customer by email and Enter opens it', async ({ page }) => {
  const customer = await demoCustomer(page);

  const dialog = await openPalette(page);
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  await page.keyboard.type(customer.email.toUpperCase());

  const option = dialog.getByRole('option').first();
  await expect(option).toContainText(customer.name);
  await expect(option).toContainText('by email');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await expectNoSeriousA11yViolations(page);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
  await expect(dialog).toBeHidden();
});

test('arrows move through the matches and Escape closes the palette', async ({ page }) => {
  const customer = await demoCustomer(page);
  await page.getByRole('button', { name: /Search…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Find a customer' });
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  // Part of an id finds customers by prefix: with "cus_" that is more than one.
  await input.fill('cus_');
  const options = dialog.getByRole('option');
  await expect(options).toHaveCount(8);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(7)).toHaveAttribute('aria-selected', 'true');

  await input.fill(customer.id);
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('by id');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/customers\?/);

  await page.keyboard.press('Control+K');
  await expect(dialog.getByRole('combobox')).toHaveValue('');
});

test('a term that matches no one says so', async ({ page }) => {
  await open(page, '/customers');
  const dialog = await openPalette(page);
  await dialog.getByRole('combobox').fill('nobody-at-all@nowhere.invalid');
  await expect(dialog.getByRole('status')).toHaveText('No customer matches.');
  await expect(dialog.getByRole('option')).toHaveCount(0);
});
