// A working day's session, and what happens when it ends while a form is being filled in.
const { test, expect } = require('./fixtures');
const { login } = require('./login');
const { endSessionsOf, setWebTokenLifespan } = require('./keycloak');

// short-lived tokens for this file's logins, so that the app has to renew them within the test
const TOKEN_SECONDS = 4;
let lifespanBefore;
test.beforeAll(async () => { lifespanBefore = await setWebTokenLifespan(TOKEN_SECONDS); });
test.afterAll(async () => { await setWebTokenLifespan(lifespanBefore); });

test('a session outlives its tokens: the app renews them without a trip to the login page', async ({ page }) => {
  await login(page, 'carol');
  await page.waitForTimeout((TOKEN_SECONDS + 1) * 1000);
  const logins = [];
  page.on('request', request => { if (request.url().includes('/realms/')) logins.push(request.url()); });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ColdLink Logistics' })).toBeVisible();
  expect(logins).toEqual([]);
});

test('a form sent after the session ended comes back after logging in again, with what was typed', async ({ page }) => {
  const refused = [];
  page.on('response', response => { if (response.status() === 405) refused.push(response.url()); });
  await login(page, 'alice', '/batches/new');
  const lot = 'EXP' + Date.now().toString().slice(-9);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('Product', { exact: true }).selectOption({ index: 1 });
  const product = await page.getByLabel('Product', { exact: true }).inputValue();
  await page.getByLabel('Lot number').fill(lot);
  await page.getByLabel('Produced at').selectOption({ index: 1 });
  await page.getByLabel('Production date').fill(today);
  await page.getByLabel('Quantity').fill('7.25');
  await page.getByLabel('Unit').selectOption('TNE');

  // Keycloak ends the session (as after 2 hours idle) and the app's tokens run out: it cannot renew them
  await endSessionsOf('alice');
  await page.waitForTimeout((TOKEN_SECONDS + 1) * 1000);
  await page.getByRole('button', { name: 'Record batch' }).click();

  await expect(page.locator('#kc-form-login')).toBeVisible();
  await page.fill('#username', 'alice');
  await page.fill('#password', 'alice');
  await page.click('#kc-login');

  await expect(page).toHaveURL(/\/batches\/new$/);
  await expect(page.locator('#resubmit-notice')).toHaveText(
    'This form was not sent. What you typed has been filled in again: check it and submit it again.');
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue(product);
  await expect(page.getByLabel('Lot number')).toHaveValue(lot);
  await expect(page.getByLabel('Production date')).toHaveValue(today);
  await expect(page.getByLabel('Quantity')).toHaveValue('7.25');
  await expect(page.getByLabel('Unit')).toHaveValue('TNE');

  await page.getByRole('button', { name: 'Record batch' }).click();
  await expect(page).toHaveURL(/\/batches\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`lot ${lot}`);
  await expect(page.locator('.facts')).toContainText('7.25 t');
  expect(refused, 'no 405 on the way').toEqual([]);

  // a later visit of the form starts empty
  await page.goto('/batches/new');
  await expect(page.getByLabel('Lot number')).toHaveValue('');
  await expect(page.locator('#resubmit-notice')).toHaveCount(0);
});

test('signed-in pages carry the security headers and are not stored; cookies are Secure as set up for TLS', async ({ page, context }) => {
  await login(page, 'bob');
  const response = await page.goto('/dashboard');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self';");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('no-store');
  // ../test.sh runs the app with CITYTRACE_WEB_SECURE_COOKIES=true (Chromium keeps Secure cookies on localhost)
  const ours = await context.cookies(page.url());
  expect(ours.map(c => c.name)).toEqual(expect.arrayContaining(['citytrace-csrf', 'q_session']));
  expect(ours.filter(c => !c.secure).map(c => c.name)).toEqual([]);
});
