import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor } from './support';

test.use({ storageState: storageStateFor('admin') });

const PASSWORD = 'e2e initial password';

async function addStaffMember(page: Page, member: { name: string; email: string; role: string }) {
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByLabel('Name').fill(member.name);
  await dialog.getByLabel('Email').fill(member.email);
  await dialog.getByLabel('Role').selectOption(member.role);
  await dialog.getByLabel('Initial password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toBeHidden();
}

test('a new member signs in, and disabling them signs them out at once', async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const member = {
    name: `Nia Newcomer ${stamp}`,
    email: `nia-${stamp}@example.com`,
    role: 'viewer',
  };
  await page.goto('/settings/staff');
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await addStaffMember(page, member);
  const row = page.getByRole('row', { name: new RegExp(member.name) });
  await expect(row.getByText('Viewer')).toBeVisible();
  await expect(row.getByText('Active')).toBeVisible();

  // The new member's own browser, signed in through the form (the one sign-in of this spec).
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirPage = await theirs.newPage();
  await theirPage.goto('/sign-in');
  await theirPage.getByLabel('Email').fill(member.email);
  await theirPage.getByLabel('Password').fill(PASSWORD);
  await theirPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirPage).toHaveURL(/\/customers$/);
  await expect(theirPage.getByText(member.name)).toBeVisible();

  await row.getByRole('button', { name: 'Disable' }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${member.name}?` });
  await expect(confirm.getByText(/signed out everywhere/)).toBeVisible();
  await confirm.getByRole('button', { name: 'Disable and sign out' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByText('Disabled')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Enable' })).toBeVisible();

  await theirPage.goto('/customers');
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await expect(theirPage.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await theirs.close();
});

test('an email already in use is named beside the email field', async ({ page }) => {
  await page.goto('/settings/staff');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByLabel('Name').fill('Second Admin');
  await dialog.getByLabel('Email').fill('admin@example.com');
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog.getByLabel('Initial password')).toHaveAccessibleDescription(
    'Use at least 12 characters',
  );

  await dialog.getByLabel('Initial password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription(
    'Already used by another staff member',
  );
  await expect(dialog.getByLabel('Email')).toBeFocused();
  await expectNoSeriousA11yViolations(page);
});

test('an admin cannot disable their own account from the staff page', async ({ page }) => {
  await page.goto('/settings/staff');
  const own = page.getByRole('row', { name: /Ada Admin/ });
  await expect(own.getByText('You', { exact: true })).toBeVisible();
  await expect(own.getByRole('button', { name: /^Disable/ })).toHaveCount(0);
  await expect(own.getByText('Can’t disable yourself')).toBeVisible();
});
