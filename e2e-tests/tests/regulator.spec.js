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

test('rita traces the demo bread back to the wheat farm, recalls its flour, and a shopper scanning the bread sees the recall', async ({ page, browser }) => {
  await login(page, 'rita');
  const lot = (await page.locator('tr', { hasText: 'Milk bread loaf 800 g' }).getByRole('link', { name: /^B\d{8}$/ })
    .first().textContent()).trim();
  const bread = `/01/08712347000026/10/${lot}`;

  // the trace, from the Digital Link a scanner reads off the loaf's QR code
  await page.getByRole('navigation').getByRole('link', { name: 'Trace', exact: true }).click();
  await page.getByLabel('Lot, item, logistic unit or event').fill(`https://id.gs1.org${bread}`);
  await page.getByLabel('Backward, to inputs and origins').check();
  await page.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(page).toHaveURL(/\/trace\?from=.*direction=backward/);
  await expect(page.locator('svg.trace-graph')).toBeVisible();
  const lots = page.locator('#nodes');
  await expect(lots).toContainText('Winter wheat, bulk');
  await expect(lots).toContainText('Stoneground wheat flour');
  await expect(lots).toContainText('Raw whole milk');
  await expect(page.locator('#events')).toContainText('Korenaar wheat fields');
  await expect(lots).not.toContainText('Wholemeal rolls'); // made of other flour: not the bread's ancestry

  // the flour's recall, declared from its row of the trace
  await lots.locator('tr', { hasText: 'Stoneground wheat flour' }).getByRole('link', { name: 'Recall this lot…' }).click();
  await page.getByLabel('Reason').fill('Ergot found in a retained sample of the flour');
  await page.getByLabel('Severity').selectOption('CLASS_I');
  await page.getByRole('button', { name: 'Declare the recall' }).click();
  await expect(page.locator('#recall-state')).toContainText('Ergot found');
  await expect(page.locator('#affected')).toContainText('Milk bread loaf 800 g');

  // an anonymous shopper scans the loaf
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' })).newPage();
  await phone.goto(bread);
  await expect(phone.getByRole('alert').first()).toContainText('This lot has been recalled: do not eat it');
  await phone.getByRole('link', { name: 'Read the recall notice' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Recall notice');
});

test('rita searches the consortium and exports the result and a trace with their proofs; the bakery sees who looked', async ({ page, browser }) => {
  const fs = require('fs');
  await login(page, 'rita');

  // every event the bakery recorded, exported whole as an audit report
  await page.getByRole('navigation').getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Organisation').selectOption({ label: 'Noorderlicht Mill & Bakery' });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?.*org=noorderlicht-bakery/);
  await expect(page.locator('#events')).toContainText('Noorderlicht Mill & Bakery');
  const [report] = await Promise.all([page.waitForEvent('download'),
    page.locator('#export').getByRole('link', { name: 'Audit report (PDF)' }).click()]);
  expect(report.suggestedFilename()).toBe('citytrace-search-report.pdf');
  expect(fs.readFileSync(await report.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.locator('#export-text')).toContainText('Done');

  // the bread's trace as the FSMA 204 spreadsheet
  await page.goto('/dashboard');
  const lot = (await page.locator('tr', { hasText: 'Milk bread loaf 800 g' }).getByRole('link', { name: /^B\d{8}$/ })
    .first().textContent()).trim();
  await page.goto(`/trace/01/08712347000026/10/${lot}?direction=backward`);
  const [sheet] = await Promise.all([page.waitForEvent('download'),
    page.locator('#export').getByRole('button', { name: 'Spreadsheet (CSV)' }).click()]);
  const csv = fs.readFileSync(await sheet.path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('Traceability lot code');
  expect(csv).toContain(lot);
  await expect(page.locator('#export-text')).toContainText('rows');

  // both are in the access log
  await page.getByRole('navigation').getByRole('link', { name: 'Access log' }).click();
  const log = page.locator('#access-log');
  await expect(log).toContainText('/search/export/report.pdf?org=noorderlicht-bakery');
  await expect(log).toContainText(`/trace/export/fsma.csv`);

  // the bakery sees who looked at its records
  const bakery = await (await browser.newContext()).newPage();
  await login(bakery, 'bob');
  await bakery.getByRole('navigation').getByRole('link', { name: 'Access log' }).click();
  await expect(bakery.getByText('who looked at your records')).toBeVisible();
  await expect(bakery.locator('#access-log tr', { hasText: '/search/export/report.pdf' })).toContainText('rita');
});
