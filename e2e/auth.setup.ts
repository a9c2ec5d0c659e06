import { test as setup, expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF } from '../db/demo-staff';
import { storageStateFor } from './support';

/** Signs each demo role in once through the real form and keeps its session for the specs. */
for (const member of DEMO_STAFF) {
  setup(`sign in as ${member.role}`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await page.context().storageState({ path: storageStateFor(member.role) });
  });
}
