import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor } from './support';

test('a viewer sees email and phone masked, reveals them, and the reveal is in the activity', async ({
  browser,
}) => {
  const stamp = Date.now();
  const email = `reveal.${stamp}@example.com`;
  const phone = '+14155550123';

  const admin = await browser.newContext({ storageState: storageStateFor('admin') });
  const adminPage = await admin.newPage();
  await adminPage.goto('/customers/new');
  await adminPage.getByLabel('First name').fill(`Reveal${stamp}`);
  await adminPage.getByLabel('Last name').fill('Masked');
  await adminPage.getByLabel('Email').fill(email);
  await adminPage.getByLabel('Phone').fill(phone);
  await adminPage.getByRole('button', { name: 'Create customer' }).click();
  await expect(adminPage).toHaveURL(/\/customers\/cus_[A-Za-z0-9]+$/);
  const path = new URL(adminPage.url()).pathname;

  const viewer = await browser.newContext({ storageState: storageStateFor('viewer') });
  const page = await viewer.newPage();
  await page.goto(path);
  await expect(page.getByText('r•••@example.com')).toBeVisible();
  await expect(page.getByText('+1•••••••0123')).toBeVisible();
  // Masked on the server: the full values are nowhere in what the viewer's browser received.
  expect(await page.content()).not.toContain(email);
  expect(await page.content()).not.toContain('4155550123');
  // Read-only: none of the changing controls.
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Record a KYC decision' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: /^Sandbox funds/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText(phone)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toHaveCount(0);

  await adminPage.reload();
  const revealed = adminPage.getByTestId('activity-row').filter({ hasText: 'Contact revealed' });
  await expect(revealed).toHaveCount(1);
  await expect(revealed).toContainText('viewer@example.com');
  await expect(revealed).not.toContainText(email);

  await viewer.close();
  await admin.close();
});
