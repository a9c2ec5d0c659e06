import { expect, test } from '@playwright/test';
import { storageStateFor } from './support';

test.use({ storageState: storageStateFor('support') });

test('a customer can be found and opened with the keyboard alone', async ({ page }) => {
  await page.goto('/customers?sort=name-asc');
  const rows = page.getByTestId('customer-row');
  await expect(rows.first()).toBeVisible();
  // Read (not clicked): which customer to look for.
  const id = (await rows
    .nth(3)
    .getByText(/^(cus|biz)_[A-Za-z0-9]{18}$/)
    .textContent())!;

  // The hint appears once the page has hydrated and the shortcut works.
  await expect(page.getByText('Press / to search from anywhere on this page.')).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByLabel('Search', { exact: true });
  await expect(search).toBeFocused();
  await page.keyboard.type(id);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${id}`));
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Customers' })).toHaveAttribute(
    'aria-busy',
    'false',
  );

  const link = rows.first().getByRole('link');
  for (let presses = 0; presses < 40; presses++) {
    if (await link.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));
  await expect(page).toHaveURL(/\/customers\/(cus|biz)_[A-Za-z0-9]{18}$/);
});

test('"/" typed inside a field is text, not the shortcut', async ({ page }) => {
  await page.goto('/customers');
  await expect(page.getByText('Press / to search from anywhere on this page.')).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByLabel('Search', { exact: true });
  await expect(search).toBeFocused();
  await page.keyboard.type('a/');
  await expect(search).toHaveValue('a/');
  await expect(page.getByText('Type at least 3 characters to search.')).toBeVisible();

  await page.getByLabel('Created from').focus();
  await page.keyboard.press('/');
  await expect(search).not.toBeFocused();
});
