const { test, expect } = require('./fixtures');
const { login } = require('./login');

test('alice logs in through Keycloak, records a batch and sees it on her dashboard', async ({ page }) => {
  await login(page, 'alice');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'De Korenaar Farm' })).toBeVisible();

  await page.getByRole('link', { name: 'New batch' }).first().click();
  const lot = 'E2E' + Date.now().toString().slice(-9);
  await page.getByLabel('Product', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Lot number').fill(lot);
  await page.getByLabel('Produced at').selectOption({ index: 1 });
  await page.getByLabel('Production date').fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel('Quantity').fill('18.5');
  await page.getByLabel('Unit').selectOption('TNE');
  await page.getByRole('button', { name: 'Record batch' }).click();

  await expect(page).toHaveURL(/\/batches\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Winter wheat, bulk, lot ${lot}`);
  await expect(page.locator('.facts')).toContainText('18.5 t');
  // all of it is at the farm's fields, where it was made
  await expect(page.locator('#stock')).toContainText('Korenaar wheat fields');
  await expect(page.locator('#stock')).toContainText('18.5 t');
  // the batch's commissioning event, with its Event Hash ID
  const events = page.locator('table.events');
  await expect(events).toContainText('commissioning');
  await expect(events.locator('code.hash')).toContainText(/ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0/);

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.locator('#batches').getByRole('link', { name: lot })).toBeVisible();
});

test('a mistake in the batch form is explained next to the field and keeps what was typed', async ({ page }) => {
  await login(page, 'alice', '/batches/new');
  await page.getByLabel('Product', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Lot number').fill('bad lot');
  await page.getByLabel('Quantity').fill('-3');
  await page.getByRole('button', { name: 'Record batch' }).click();

  await expect(page.getByRole('alert')).toContainText('Please correct');
  await expect(page.locator('#lot-error')).toContainText('at most 20 letters');
  await expect(page.locator('#quantity-error')).toBeVisible();
  await expect(page.getByLabel('Lot number')).toHaveValue('bad lot');
  await expect(page.getByLabel('Lot number')).toHaveAttribute('aria-invalid', 'true');
});

test('the skip link is the first thing the keyboard reaches', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});
