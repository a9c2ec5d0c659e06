import { expect, test, type Page } from '@playwright/test';
import {
  expectNoSeriousA11yViolations,
  SEEDED_CUSTOMERS_LIST,
  storageStateFor,
  toast,
} from './support';

/** An email of a seeded demo customer. */
async function seededEmail(page: Page): Promise<string> {
  await page.goto(SEEDED_CUSTOMERS_LIST);
  const emails = await page
    .getByTestId('customer-row')
    .locator('td:nth-child(3)')
    .allTextContents();
  const email = emails.map((text) => text.trim()).find((text) => text.includes('@'));
  expect(email, 'a seeded customer with an email').toBeTruthy();
  return email!;
}

test.describe('as support staff', () => {
  test.use({ storageState: storageStateFor('support') });

  test('creates an individual; an email already in use is refused on the field and every typed value stays', async ({
    page,
  }) => {
    const taken = await seededEmail(page);
    const unique = Date.now();

    await page.goto('/customers/new');
    await expect(page.getByRole('heading', { name: 'New customer', level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill(`Create${unique}`);
    await page.getByLabel('Birth date').fill('1990-12-10');
    await page.getByLabel('Email').fill(taken);
    await page.getByLabel('Phone').fill('+44 20 7946 0958');
    await page.getByLabel('Country', { exact: true }).selectOption('GB');
    await page.getByLabel('External id').fill(`crm-${unique}`);
    await page.getByLabel('Add a residential address').check();
    await page.getByLabel('Street line 1').fill('1 Main St');
    await page.getByLabel('City').fill('London');
    await page.getByLabel('State or region').fill('Greater London');
    await page.getByLabel('Postal code').fill('N1 9GU');
    await page.getByLabel('Address country').selectOption('GB');
    await page.getByRole('button', { name: 'Add metadata row' }).click();
    await page.getByLabel('Metadata key 1').fill('source');
    await page.getByLabel('Metadata value 1').fill('e2e');

    await page.getByRole('button', { name: 'Create customer' }).click();

    const email = page.getByLabel('Email');
    await expect(page.getByText('Already used by another customer')).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Already used by another customer');
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(page.getByLabel('First name')).toHaveValue('Ada');
    await expect(page.getByLabel('Last name')).toHaveValue(`Create${unique}`);
    await expect(page.getByLabel('Birth date')).toHaveValue('1990-12-10');
    await expect(email).toHaveValue(taken);
    await expect(page.getByLabel('Phone')).toHaveValue('+44 20 7946 0958');
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('GB');
    await expect(page.getByLabel('Postal code')).toHaveValue('N1 9GU');
    await expect(page.getByLabel('Metadata value 1')).toHaveValue('e2e');
    await expectNoSeriousA11yViolations(page);

    await email.fill(`ada.create${unique}@example.test`);
    await expect(page.getByText('Already used by another customer')).toHaveCount(0);
    await page.getByRole('button', { name: 'Create customer' }).click();

    await expect(toast(page, 'Customer created')).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/cus_[A-Za-z0-9]{18}$/);
    await expect(
      page.getByRole('heading', { name: `Ada Create${unique}`, level: 1 }),
    ).toBeVisible();
  });

  test('creates a business, which needs its legal name and website', async ({ page }) => {
    const unique = Date.now();
    await page.goto('/customers/new');
    await page.getByLabel('Business').check();
    await expect(page.getByLabel('First name')).toHaveCount(0);
    await expect(page.getByLabel('Birth date')).toHaveCount(0);

    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByLabel('Legal name')).toHaveAccessibleDescription(
      'Required for business customers',
    );
    await expect(page.getByLabel('Website')).toHaveAccessibleDescription(
      'Required for business customers',
    );
    await expect(page.getByLabel('Legal name')).toBeFocused();

    await page.getByLabel('Legal name').fill(`Acme ${unique} Ltd`);
    await page.getByLabel('Website').fill('not a url');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByLabel('Website')).toHaveAccessibleDescription(/http or https URL/);

    await page.getByLabel('Website').fill('https://acme.example');
    await page.getByLabel('Email').fill(`billing${unique}@acme.example.test`);
    await page.getByRole('button', { name: 'Create customer' }).click();

    await expect(toast(page, 'Customer created')).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/biz_[A-Za-z0-9]{18}$/);
    await expect(page.getByRole('heading', { name: `Acme ${unique} Ltd`, level: 1 })).toBeVisible();
  });
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('the new-customer page says plainly that a viewer cannot create customers', async ({
    page,
  }) => {
    await page.goto('/customers/new');
    await expect(page.getByRole('heading', { name: 'You cannot create customers' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
  });
});
