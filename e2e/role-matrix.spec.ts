import { expect, test, type Page } from '@playwright/test';
import { SEEDED_CUSTOMERS_LIST, storageStateFor } from './support';

/** Customer write controls, matched by role and accessible name wherever a page puts them. */
const WRITE_CONTROL = /^(new customer|edit|delete)\b/i;

function writeControls(page: Page) {
  return page
    .getByRole('button', { name: WRITE_CONTROL })
    .or(page.getByRole('link', { name: WRITE_CONTROL }));
}

async function openFirstCustomer(page: Page) {
  await page.goto(SEEDED_CUSTOMERS_LIST);
  const first = page.locator('a[href^="/customers/cus_"], a[href^="/customers/biz_"]').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/customers\/(cus|biz)_[A-Za-z0-9]{18}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

for (const role of ['support', 'viewer'] as const) {
  test.describe(`signed in as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`a ${role} sees no Settings link and is told settings are for admins`, async ({
      page,
    }) => {
      await page.goto('/customers');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Customers' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);

      for (const path of ['/settings', '/settings/api-keys', '/settings/staff']) {
        await page.goto(path);
        await expect(page.getByText('Only admins can manage settings.')).toBeVisible();
        await expect(page.getByRole('table')).toHaveCount(0);
        await expect(
          page.getByRole('button', { name: /New API key|Add staff member/ }),
        ).toHaveCount(0);
      }
    });
  });
}

test.describe('signed in as viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('a viewer sees no New customer, Edit or Delete controls', async ({ page }) => {
    await page.goto('/customers');
    await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await expect(writeControls(page)).toHaveCount(0);
    await openFirstCustomer(page);
    await expect(writeControls(page)).toHaveCount(0);
  });
});

test.describe('signed in as support', () => {
  test.use({ storageState: storageStateFor('support') });

  // The control for the viewer test above: the same locators do find the controls when allowed.
  test('support sees New customer on the list and Edit on a customer', async ({ page }) => {
    await page.goto('/customers');
    await expect(
      page
        .getByRole('link', { name: /^new customer/i })
        .or(page.getByRole('button', { name: /^new customer/i })),
    ).toBeVisible();
    await openFirstCustomer(page);
    await expect(
      page
        .getByRole('link', { name: /^edit\b/i })
        .or(page.getByRole('button', { name: /^edit\b/i }))
        .first(),
    ).toBeVisible();
  });
});

type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/**
 * Runs `trigger` and holds back the first server action request it sends: its URL, its
 * `next-action` and `content-type` headers and its body are kept, and the request itself is
 * aborted so the admin's own click changes nothing. The caller replays it as someone else.
 */
async function captureServerAction(
  page: Page,
  trigger: () => Promise<void>,
): Promise<CapturedAction> {
  let capture: (action: CapturedAction) => void = () => {};
  const captured = new Promise<CapturedAction>((resolve) => {
    capture = resolve;
  });
  const onRequest = async (route: import('@playwright/test').Route) => {
    const request = route.request();
    const action = await request.headerValue('next-action');
    if (request.method() !== 'POST' || !action) return route.continue();
    capture({
      url: request.url(),
      headers: {
        'next-action': action,
        'content-type': (await request.headerValue('content-type')) ?? 'text/plain;charset=UTF-8',
      },
      body: request.postData() ?? '',
    });
    return route.abort();
  };
  await page.route('**/settings/**', onRequest);
  await trigger();
  const action = await captured;
  await page.unroute('**/settings/**', onRequest);
  return action;
}

async function createKeyInUi(page: Page, name: string) {
  await page.getByRole('button', { name: 'New API key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
}

test.describe('even by calling the action directly', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('a viewer replaying the Revoke action does not revoke the key', async ({
    page,
    browser,
  }) => {
    const name = `Replayed key ${Date.now()}`;
    await page.goto('/settings/api-keys');
    await createKeyInUi(page, name);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row.getByText('Active')).toBeVisible();

    const revoke = await captureServerAction(page, async () => {
      await row.getByRole('button', { name: 'Revoke' }).click();
      await page
        .getByRole('dialog', { name: /^Revoke/ })
        .getByRole('button', { name: 'Revoke key' })
        .click();
    });
    expect(revoke.body).toContain('key_');

    const viewer = await browser.newContext({ storageState: storageStateFor('viewer') });
    const refused = await viewer.request.post(revoke.url, {
      headers: revoke.headers,
      data: revoke.body,
    });
    expect(await refused.text()).toContain('"code":"forbidden"');
    await viewer.close();

    await page.reload();
    await expect(row.getByText('Active')).toBeVisible();

    // The same request from the admin's session does revoke: the replay itself is sound.
    const allowed = await page.context().request.post(revoke.url, {
      headers: revoke.headers,
      data: revoke.body,
    });
    expect(await allowed.text()).toContain('"ok":true');
    await page.reload();
    await expect(row.getByText('Revoked')).toBeVisible();
  });

  test('a support member replaying the role change action does not change the role', async ({
    page,
    browser,
  }) => {
    const stamp = Date.now();
    const member = { name: `Rory Replay ${stamp}`, email: `rory-${stamp}@example.com` };
    await page.goto('/settings/staff');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const form = page.getByRole('dialog', { name: 'Add staff member' });
    await form.getByLabel('Name').fill(member.name);
    await form.getByLabel('Email').fill(member.email);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('Initial password').fill('replay password 1');
    await form.getByRole('button', { name: 'Add member' }).click();
    await expect(form).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(member.name) });
    await expect(row.getByText('Viewer')).toBeVisible();

    const promote = await captureServerAction(page, async () => {
      await row.getByRole('button', { name: 'Change role' }).click();
      const dialog = page.getByRole('dialog', { name: `Change role of ${member.name}` });
      await dialog.getByLabel('Role').selectOption('admin');
      await dialog.getByRole('button', { name: 'Save role' }).click();
    });
    expect(promote.body).toContain('admin');

    const support = await browser.newContext({ storageState: storageStateFor('support') });
    const refused = await support.request.post(promote.url, {
      headers: promote.headers,
      data: promote.body,
    });
    expect(await refused.text()).toContain('"code":"forbidden"');
    await support.close();

    await page.reload();
    await expect(row.getByText('Viewer')).toBeVisible();

    const allowed = await page.context().request.post(promote.url, {
      headers: promote.headers,
      data: promote.body,
    });
    expect(await allowed.text()).toContain('"ok":true');
    await page.reload();
    await expect(row.getByText('Admin', { exact: true })).toBeVisible();
  });
});
