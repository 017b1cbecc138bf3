// A shopper scans the QR code on a loaf of bread: the test downloads the code from the bakery's batch page,
// decodes it as a phone would, and opens the link as an anonymous visitor.
const fs = require('node:fs');
const { test, expect, cspViolations } = require('./fixtures');
const jsQR = require('jsqr');
const { PNG } = require('pngjs');
const { login } = require('./login');

async function scanQrCodeOfBreadLot(page) {
  await login(page, 'bob');
  await page.locator('#batches').getByRole('link', { name: /^B\d{8}$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Milk bread loaf 800 g');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PNG' }).click(),
  ]);
  const png = PNG.sync.read(fs.readFileSync(await download.path()));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'the PNG holds a readable QR code').not.toBeNull();
  return code.data;
}

test('a shopper scans the bread\'s QR code and sees its verified journey back to the wheat farm', async ({ page, browser }) => {
  const link = await scanQrCodeOfBreadLot(page);
  expect(link).toMatch(/\/01\/\d{14}\/10\/B\d{8}$/);

  const phoneBrowser = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const violations = cspViolations(phoneBrowser); // the page runs verify.js next to its JSON data block
  const phone = await phoneBrowser.newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Where Milk bread loaf 800 g comes from');
  await expect(phone.getByRole('link', { name: 'Log out' })).toHaveCount(0); // anonymous
  // the demo's events reach the chain within seconds of start-up: until then the page says PENDING
  await expect(async () => {
    await phone.reload();
    await expect(phone.locator('#verdict')).toHaveClass(/verdict-VERIFIED/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(phone.locator('#verdict')).toContainText('Verified');

  const journey = phone.locator('.timeline');
  await expect(journey).toContainText('Korenaar wheat fields, Groningen'); // the flour's wheat, upstream
  await expect(journey).toContainText('Zonneweide milking parlour');
  await expect(journey).toContainText('Stadsmarkt Centrum, Rotterdam');
  await expect(journey.locator('.badge-VERIFIED').first()).toBeVisible();
  await expect(phone.locator('.locator-map')).toBeVisible();
  // and the browser's own check of every fingerprint and Merkle path
  await expect(phone.locator('#browser-check-summary')).toContainText(/^Your browser re-checked all \d+ records: they match their fingerprints and Merkle proofs\.$/);
  await expect(phone.locator('.browser-check.bad')).toHaveCount(0);
  // ColdLink's truck thermometer signed every reading on the way: a verified temperature record, drawn on the server
  const temperatures = phone.locator('#temperatures');
  await expect(temperatures).toContainText('Kept between 2 and 8 °C throughout, measured by 1 registered device.');
  await expect(temperatures).toContainText('Each reading is signed by the device that measured it');
  const chart = temperatures.locator('svg[role="img"]');
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('(verified)');
  expect((await chart.boundingBox()).width, 'the chart fits the phone').toBeLessThanOrEqual(390);

  await phone.getByRole('link', { name: '中文' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Milk bread loaf 800 g 的来源');
  await expect(phone.locator('#temperatures')).toContainText('全程保持在 2 至 8 °C 之间，由 1 台已登记设备测量。');
  await expect(phone.locator('#verdict')).toContainText('已验证');
  await phone.getByRole('link', { name: 'Nederlands' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Waar Milk bread loaf 800 g vandaan komt');
  await expect(phone.locator('#temperatures')).toContainText('Steeds tussen 2 en 8 °C gehouden, gemeten door 1 geregistreerd apparaat.');
  // the choice is remembered on the next scan
  await phone.goto(link);
  await expect(phone.locator('html')).toHaveAttribute('lang', 'nl');
  expect(violations, 'Content-Security-Policy violations').toEqual([]);
});
