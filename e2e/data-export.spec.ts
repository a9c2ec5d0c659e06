import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, storageStateFor } from './support';

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

const rangeText = (page: Page) => page.getByText(/^[\d,]+–[\d,]+ of [\d,]+\+?$|^0 of/);

async function listTotal(page: Page): Promise<number> {
  await expect(rangeText(page)).toBeVisible();
  const total = /of ([\d,]+)$/.exec(await rangeText(page).innerText())?.[1];
  return Number(total?.replaceAll(',', ''));
}

test.use({ storageState: storageStateFor('admin') });

test('an admin downloads everything held on a customer as JSON, the sandbox credit in its ledger', async ({
  page,
}) => {
  test.slow(); // a customer, a wallet, a credit and a download
  const lastName = `Dsar${Date.now()}`;
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill('Dana');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Email').fill(`${lastName.toLowerCase()}@example.test`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
  const id = page.url().split('/').pop()!;

  const addWallet = page.getByRole('form', { name: 'Add wallet' });
  await addWallet.getByLabel('Network').selectOption('polygon');
  await addWallet.getByRole('button', { name: 'Add wallet' }).click();
  const funds = page.getByRole('form', { name: 'Sandbox funds for polygon wallet' });
  await funds.getByLabel('Currency').selectOption('USDC');
  await funds.getByLabel('Amount').fill('42.5');
  await funds.getByRole('button', { name: 'Credit' }).click();
  await expect(page.getByText(/Credited 42\.500000 USDC/)).toBeVisible();

  const link = page.getByRole('link', { name: 'Download data (JSON)' });
  await expect(link).toHaveAttribute('href', `/api/customers/${id}/export`);
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^customer-${id}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
  );
  const data = JSON.parse(await readFile((await download.path())!, 'utf8'));

  expect(data.customer).toMatchObject({ id, firstName: 'Dana', lastName });
  expect(data.wallets).toEqual([expect.objectContaining({ customerId: id, network: 'polygon' })]);
  expect(data.ledgerEntries).toEqual([
    expect.objectContaining({ kind: 'credit', currency: 'USDC', amount: '42.500000' }),
  ]);
  expect(data.balances.totalBalance).toEqual({ amount: '42.50', currency: 'USD' });
  expect(data.kycHistory).toEqual([]);
  expect(data.auditEvents.map((event: { action: string }) => event.action)).toEqual([
    'customer.created',
    'wallet.created',
    'sandbox.credited',
  ]);

  // The download itself is in the audit trail.
  await page.goto(`/audit?customer=${id}&action=customer.data_exported`);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toContainText('admin@example.com');
});

test('the CSV export holds exactly the customers the filtered list counts', async ({ page }) => {
  test.slow(); // every matching row, not one page
  await page.goto('/customers?type=business&status=approved');
  const total = await listTotal(page);
  expect(total).toBeGreaterThan(20); // more than one page of the list

  const button = page.getByRole('button', { name: 'Export CSV' });
  await expect(button).toHaveAccessibleDescription(
    new RegExp(`All ${total.toLocaleString('en-US')} customers matching the current filters`),
  );
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = parseCsv(await readFile((await download.path())!, 'utf8'));
  await expect(
    page.getByRole('status').getByText(/^Exported [\d,]+ customers to customers-/),
  ).toBeAttached();

  expect(header).toEqual([
    'id',
    'type',
    'status',
    'name',
    'email',
    'phone',
    'country',
    'external_id',
    'total_usd',
    'created_at',
  ]);
  expect(records).toHaveLength(total);
  expect(new Set(records.map((record) => record[0])).size).toBe(total);
  for (const record of records) {
    expect(record[0]).toMatch(/^biz_/);
    expect(record[1]).toBe('business');
    expect(record[2]).toBe('approved');
    expect(record[8]).toMatch(/^\d+\.\d{2}$/);
  }
  // Newest first, like the list.
  const created = records.map((record) => record[9]!);
  expect([...created].sort().reverse()).toEqual(created);
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('a viewer’s CSV has email and phone masked, and no JSON download is offered', async ({
    page,
  }) => {
    await page.goto('/customers?type=individual&status=rejected');
    const total = await listTotal(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const [, ...records] = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(records).toHaveLength(total);
    for (const [, , , , email, phone] of records) {
      if (email) expect(email).toMatch(/^.•••@/);
      if (phone) expect(phone).toMatch(/^'\+\d•••••••\d{4}$/);
    }

    await page.getByTestId('customer-row').first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download data (JSON)' })).toHaveCount(0);
  });
});
