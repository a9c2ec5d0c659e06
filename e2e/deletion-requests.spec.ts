import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, type Role, storageStateFor } from './support';

/** A page signed in as one of the demo staff, in a context of its own. */
async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** Creates an individual through the console's form and returns its id. */
async function createCustomer(
  page: Page,
  customer: { firstName: string; lastName: string; email?: string },
): Promise<string> {
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill(customer.firstName);
  await page.getByLabel('Last name').fill(customer.lastName);
  if (customer.email) await page.getByLabel('Email').fill(customer.email);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
  return page.url().split('/').pop()!;
}

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** From the customer's page, files a request through the form; returns the request's id. */
async function fileRequest(
  page: Page,
  customerId: string,
  options: { receivedOn?: string; reference?: string; note?: string } = {},
): Promise<string> {
  await page.goto(`/customers/${customerId}`);
  await page.getByRole('link', { name: 'File deletion request' }).click();
  await expect(page).toHaveURL(`/deletion-requests/new?customerId=${customerId}`);
  const form = page.getByRole('form', { name: 'File a deletion request' });
  await expect(form.getByLabel('Customer id')).toHaveValue(customerId);
  await form.getByLabel('Received by').selectOption('email');
  if (options.receivedOn) await form.getByLabel('Date received').fill(options.receivedOn);
  if (options.reference)
    await form.getByLabel('External reference (optional)').fill(options.reference);
  if (options.note) await form.getByLabel('Note (optional)').fill(options.note);
  await form.getByRole('button', { name: 'File request' }).click();
  await expect(page).toHaveURL(/\/deletion-requests\/dr_[A-Za-z0-9]{18}$/);
  return page.url().split('/').pop()!;
}

test('support files a request, another admin approves it, the receipt proves it and the email is free again', async ({
  browser,
}) => {
  // The longest journey: two staff members, a filing, an erasure, a download, a new customer.
  test.setTimeout(150_000);
  const unique = Date.now();
  const lastName = `Erase${unique}`;
  const email = `erase.${unique}@example.com`;
  const support = await pageAs(browser, 'support');
  const customerId = await createCustomer(support, { firstName: 'Greta', lastName, email });

  await support.goto(`/deletion-requests/new?customerId=${customerId}`);
  await expect(support.getByRole('heading', { name: 'File a deletion request' })).toBeVisible();
  await expectNoSeriousA11yViolations(support);
  // Nothing chosen: the form says what is missing, beside the field.
  await support.getByRole('button', { name: 'File request' }).click();
  await expect(support.getByLabel('Received by')).toHaveAccessibleDescription(
    'Choose how the request arrived',
  );

  const requestId = await fileRequest(support, customerId, {
    reference: `ZD-${unique}`,
    note: `Greta ${lastName} wrote from ${email} asking for erasure.`,
  });
  await expect(support.getByText('Deletion request filed')).toBeVisible();
  await expect(support.getByText(`Greta ${lastName} wrote from`)).toBeVisible();
  // Support sees the request, not the review controls.
  await expect(support.getByRole('button', { name: 'Approve and erase' })).toHaveCount(0);
  await expect(
    support.getByText('An admin who did not file this request reviews it'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(support);

  // The customer's page shows the open request at the top.
  await support.goto(`/customers/${customerId}`);
  const banner = support.getByRole('region', { name: /Open deletion request/ });
  await expect(banner).toContainText(/\d+ days left/);
  await expect(banner.getByRole('link', { name: 'View request' })).toHaveAttribute(
    'href',
    `/deletion-requests/${requestId}`,
  );

  const admin = await pageAs(browser, 'admin');
  await admin.goto(`/deletion-requests/${requestId}`);
  await expect(admin.getByRole('heading', { name: 'What approval does' })).toBeVisible();
  await expect(admin.getByText('The customer has no wallets.')).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('button', { name: 'Approve and erase' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Approve and erase' });
  await expect(dialog).toContainText(customerId);
  await dialog.getByRole('button', { name: 'Approve and erase' }).click();

  await expect(admin).toHaveURL(`/deletion-requests/${requestId}/receipt`);
  const receipt = admin.getByRole('article', { name: 'Deletion receipt' });
  await expect(receipt).toContainText(customerId);
  await expect(receipt).toContainText(`reference ZD-${unique}`);
  await expect(receipt).toContainText('Sam Support');
  await expect(receipt).toContainText('Ada Admin');
  await expect(receipt.getByRole('row', { name: /Ledger entries/ })).toContainText(
    'Anti-money-laundering',
  );
  await expect(receipt.getByRole('row', { name: /Wallet addresses/ })).toBeVisible();
  await expect(receipt).not.toContainText(lastName);
  await expect(receipt).not.toContainText(email);
  await expect(admin.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('link', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`deletion-receipt-${requestId}.json`);
  const json = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(json)).toMatchObject({
    object: 'deletion_receipt',
    deletionRequestId: requestId,
    tombstone: { customerId },
    request: { filedBy: { name: 'Sam Support' } },
    approval: { approvedBy: { name: 'Ada Admin' } },
  });
  expect(json).not.toContain(lastName);
  expect(json).not.toContain(email);

  // The customer is gone, and its email can be used by a new customer at once.
  await admin.goto(`/customers/${customerId}`);
  await expect(admin.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
  const newId = await createCustomer(support, {
    firstName: 'Greta',
    lastName: `${lastName}b`,
    email,
  });
  expect(newId).not.toBe(customerId);

  // The closed tab lists it with the tombstone id and a receipt link.
  await admin.goto('/deletion-requests?status=closed');
  const row = admin.getByTestId('deletion-request-row').filter({ hasText: requestId });
  await expect(row).toContainText('Erased customer');
  await expect(row).toContainText('Completed');
  await expect(row.getByRole('link', { name: 'Receipt' })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
});

test.describe('as the admin who filed the request', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('the filer cannot approve or reject their own request (four eyes)', async ({ page }) => {
    test.slow(); // a customer, a filing and two pages
    const customerId = await createCustomer(page, {
      firstName: 'Filed',
      lastName: `ByAdmin${Date.now()}`,
    });
    const requestId = await fileRequest(page, customerId);
    await expect(page).toHaveURL(`/deletion-requests/${requestId}`);
    await expect(
      page.getByText('You filed this request: another admin must review it (four-eyes rule).'),
    ).toBeVisible();
    const approve = page.getByRole('button', { name: 'Approve and erase' });
    await expect(approve).toBeDisabled();
    await expect(approve).toHaveAccessibleDescription(/four-eyes rule/);
    await expect(page.getByRole('button', { name: 'Reject request' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);

    // Still open, and the customer still there.
    await page.goto(`/customers/${customerId}`);
    await expect(page.getByRole('region', { name: /Open deletion request/ })).toBeVisible();
  });
});

test('a request for a customer holding funds shows why approval is blocked', async ({
  browser,
}) => {
  test.slow();
  const support = await pageAs(browser, 'support');
  const customerId = await createCustomer(support, {
    firstName: 'Funded',
    lastName: `Blocked${Date.now()}`,
  });
  const addWallet = support.getByRole('form', { name: 'Add wallet' });
  await addWallet.getByLabel('Network').selectOption('polygon');
  await addWallet.getByRole('button', { name: 'Add wallet' }).click();
  const funds = support.getByRole('form', { name: 'Sandbox funds for polygon wallet' });
  await expect(funds).toBeVisible();
  await funds.getByLabel('Currency').selectOption('USDC');
  await funds.getByLabel('Amount').fill('5');
  await funds.getByRole('button', { name: 'Credit' }).click();
  await expect(support.getByText(/Credited 5\.000000 USDC/)).toBeVisible();
  const requestId = await fileRequest(support, customerId);

  const admin = await pageAs(browser, 'admin');
  await admin.goto(`/deletion-requests/${requestId}`);
  const blocked = admin.getByRole('alert').filter({ hasText: 'Approval is blocked' });
  await expect(blocked).toContainText('still holds funds');
  await expect(blocked).toContainText('5.000000 USDC');
  await expect(admin.getByRole('button', { name: 'Approve and erase' })).toBeDisabled();
  await expectNoSeriousA11yViolations(admin);

  // Rejecting needs a reason, and closes the request.
  const reject = admin.getByRole('form', { name: 'Reject the request' });
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(reject.getByLabel('Reason for rejecting')).toHaveAccessibleDescription(
    'Give the reason for rejecting',
  );
  await reject
    .getByLabel('Reason for rejecting')
    .fill('Funds must be withdrawn first; asked the customer.');
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(admin.getByText(/^Rejected by Ada Admin on/)).toBeVisible();
  await expect(admin.getByText('Funds must be withdrawn first; asked the customer.')).toBeVisible();
  await admin.goto(`/customers/${customerId}`);
  await expect(admin.getByRole('heading', { level: 1 })).toContainText(`Blocked`);
  await expect(admin.getByRole('region', { name: /Open deletion request/ })).toHaveCount(0);
});

test.describe('the queue', () => {
  test.use({ storageState: storageStateFor('support') });

  test('lists an overdue request before one still in time, highlighted', async ({ page }) => {
    test.slow(); // two customers and two filings
    const unique = Date.now();
    const recentName = `Recent${unique}`;
    const overdueName = `Overdue${unique}`;
    const recent = await createCustomer(page, { firstName: 'Queue', lastName: recentName });
    const overdue = await createCustomer(page, { firstName: 'Queue', lastName: overdueName });
    await fileRequest(page, recent, { receivedOn: daysAgo(5) });
    await fileRequest(page, overdue, { receivedOn: daysAgo(40) });

    await page.getByRole('link', { name: 'Deletion requests' }).first().click();
    await expect(page).toHaveURL(/\/deletion-requests$/);
    const rows = page.getByTestId('deletion-request-row');
    const overdueRow = rows.filter({ hasText: overdueName });
    const recentRow = rows.filter({ hasText: recentName });
    await expect(overdueRow).toHaveAttribute('data-overdue', 'true');
    await expect(overdueRow).toContainText(/\d+ days? overdue/);
    await expect(recentRow).not.toHaveAttribute('data-overdue', 'true');
    await expect(recentRow).toContainText(/2\d days left/);

    const texts = await rows.allTextContents();
    const overdueIndex = texts.findIndex((text) => text.includes(overdueName));
    const recentIndex = texts.findIndex((text) => text.includes(recentName));
    expect(overdueIndex).toBeGreaterThanOrEqual(0);
    expect(overdueIndex).toBeLessThan(recentIndex);
    // Every overdue row comes before every row still in time.
    const flags = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-overdue') === 'true'),
    );
    expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(
      true,
    );
    await expectNoSeriousA11yViolations(page);
  });
});
