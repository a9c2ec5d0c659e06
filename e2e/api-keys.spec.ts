import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor } from './support';

test.use({ storageState: storageStateFor('admin') });

test('an admin creates an API key, uses its secret once shown, and revokes it', async ({
  page,
  request,
}) => {
  const name = `E2E key ${Date.now()}`;
  await page.goto('/settings/api-keys');
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'New API key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel(/^Test/).check();
  await form.getByRole('button', { name: 'Create key' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
  await expect(shown.getByText(/won’t be shown again/)).toBeVisible();
  await expect(shown.getByRole('button', { name: 'Copy key' })).toBeVisible();
  const secret = await shown.getByLabel(/Secret key/).inputValue();
  expect(secret).toMatch(/^sk_test_[A-Za-z0-9]{32}$/);
  await expectNoSeriousA11yViolations(page);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByText('Active')).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Ada Admin' })).toBeVisible();
  await expect(row.getByText(`${secret.slice(0, 12)}…${secret.slice(-4)}`)).toBeVisible();
  // The list never shows the secret again.
  await expect(page.getByText(secret)).toHaveCount(0);

  const allowed = await request.get('/v1/customers?limit=5', {
    headers: { 'X-API-Key': secret },
  });
  expect(allowed.status()).toBe(200);
  const body = (await allowed.json()) as { customers: { id: string }[] };
  expect(body.customers.length).toBeGreaterThan(0);
  expect(body.customers[0]?.id).toMatch(/^(cus|biz)_/);

  await row.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: /^Revoke/ });
  await expect(confirm.getByText(/cannot be undone/)).toBeVisible();
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByText('Revoked')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  const refused = await request.get('/v1/customers?limit=5', {
    headers: { 'X-API-Key': secret },
  });
  expect(refused.status()).toBe(401);
});

test('a key needs a name, said beside the field', async ({ page }) => {
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'New API key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByRole('button', { name: 'Create key' }).click();
  const nameField = form.getByLabel('Name');
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription('Name the key after who uses it');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
});
