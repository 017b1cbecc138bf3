// What only a browser can tell: pages fit a 390 px wide phone without sideways scrolling of the page, the
// keyboard focus ring stands out (>= 3:1 against white), and the landing page's Digital Link box works.
const { test, expect } = require('./fixtures');
const { login } = require('./login');

const PHONE = { width: 390, height: 844 };

/** How far the page is wider than the window (0 when nothing sticks out sideways), and what sticks out. */
async function overflow(page) {
  const { by, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')].filter(e => !e.parentElement.closest('.table-wrap'))
      .filter(e => e.getBoundingClientRect().right > width || e.scrollWidth > e.clientWidth && !e.matches('.table-wrap'))
      .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} `
        + `(right ${e.getBoundingClientRect().right}, scroll ${e.scrollWidth}/${e.clientWidth})`);
    return { by: document.documentElement.scrollWidth - width, culprits: out.slice(0, 8) };
  });
  if (by > 0) {
    console.log(`${page.url()} is ${by}px too wide: ${culprits.join(', ')}`);
  }
  return by;
}

/** WCAG contrast ratio of a CSS rgb() colour against white. */
function contrastOnWhite(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(c => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

test('the shipment form and the batch page fit a 390 px phone; tables scroll in their own box', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await login(page, 'bob');
  await page.goto('/shipments/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New shipment');
  expect(await overflow(page), 'the shipment form sticks out sideways').toBeLessThanOrEqual(0);
  await expect(page.locator('#items .table-wrap')).toBeVisible();

  await page.goto('/dashboard');
  await page.locator('#batches').getByRole('link', { name: /^B\d{8}$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Milk bread loaf 800 g');
  expect(await overflow(page), 'the batch page sticks out sideways').toBeLessThanOrEqual(0);
  // its events table is wider than the phone: it scrolls inside its box instead
  const events = page.locator('#events .table-wrap');
  expect(await events.evaluate(box => box.scrollWidth > box.clientWidth)).toBe(true);
  // event times in their own offset, labelled
  await expect(page.locator('#events time').first()).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC([+-]\d\d:\d\d)?\)$/);
});

test('the keyboard focus ring has at least 3:1 contrast on white', async ({ page }) => {
  await page.goto('/');
  const submit = page.getByRole('button', { name: 'Show its journey' });
  for (let i = 0; i < 30 && !(await submit.evaluate(b => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(submit).toBeFocused();
  for (const element of [submit, page.locator('#gtin')]) {
    await element.focus();
    const ring = await element.evaluate(e => {
      const style = getComputedStyle(e);
      return { color: style.outlineColor, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrastOnWhite(ring.color), `focus ring ${ring.color} on white`).toBeGreaterThanOrEqual(3);
  }
});

test('a visitor without a camera types the GTIN and lot, and sees the demo lot', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await page.fill('#gtin', '12345678');
  await page.getByRole('button', { name: 'Show its journey' }).click();
  await expect(page.locator('.error-summary')).toContainText('GTIN check digit is wrong');
  await expect(page.locator('#lot-error')).toHaveText('Lot is required');

  await page.getByRole('link', { name: /see an example/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where Milk bread loaf 800 g comes from');
  await expect(page.locator('.locator-map')).toBeVisible();
  expect(await overflow(page), 'the journey sticks out sideways').toBeLessThanOrEqual(0);
  const lot = page.url().split('/10/')[1];
  await page.goto('/');
  const gtin = (await page.getByRole('link', { name: /see an example/ }).getAttribute('href')).split('/')[2];
  await page.fill('#gtin', gtin);
  await page.fill('#lot', decodeURIComponent(lot));
  await page.getByRole('button', { name: 'Show its journey' }).click();
  await expect(page).toHaveURL(new RegExp(`/01/${gtin}/10/${lot}$`));
});

test('the login page is CityTrace\'s, in the language chosen in the app, with a way back', async ({ page }) => {
  await page.goto('/?lang=nl');
  await page.getByRole('link', { name: 'Inloggen' }).click();
  await expect(page.locator('#kc-form-login')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('link', { name: '« Terug naar CityTrace' }).click();
  await expect(page.locator('.hero h1')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
