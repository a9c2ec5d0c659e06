import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../db/demo-staff';
import { storageStateFor } from './support';

test.describe('signed out', () => {
  test('a visitor without a session is sent to sign-in', async ({ page }) => {
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers$/);
    await expect(page.getByRole('heading', { name: 'Customer Console' })).toBeVisible();
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toHaveText('Wrong email or password.');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('an empty form names the missing fields without calling the server', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address')).toBeVisible();
    await expect(page.getByText('Enter your password')).toBeVisible();
  });

  test('signing in returns to the page the visitor asked for', async ({ page }) => {
    await page.goto('/customers');
    await page.getByLabel('Email').fill('support@example.com');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByText('Sam Support')).toBeVisible();
  });
});

test.describe('signed in as admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('the customers page lists seeded customers from the database', async ({ page }) => {
    await page.goto('/customers');
    await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
    const rows = page.getByTestId('customer-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(10);
    await expect(rows.first().getByText(/^(cus|biz)_[A-Za-z0-9]{18}$/)).toBeVisible();
  });

  test('signing out ends the session', async ({ browser }) => {
    // A session of its own: signing out must not end the one the other specs share.
    const context = await browser.newContext({ storageState: undefined });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('viewer@example.com');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
});
