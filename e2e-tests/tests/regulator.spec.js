const { test, expect } = require('./fixtures');
const { login } = require('./login');

test('rita, a regulator, sees the consortium\'s batches but cannot record one', async ({ page }) => {
  await login(page, 'rita');
  await expect(page.getByRole('heading', { level: 1, name: 'City Food Safety Office' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent batches in the consortium' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New batch' })).toHaveCount(0);

  const response = await page.goto('/batches/new');
  expect(response.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this');
});

test('logging out ends the session', async ({ page }) => {
  await login(page, 'rita');
  await page.getByRole('link', { name: 'Log out' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.locator('#kc-form-login')).toBeVisible();
});
