// Logs in through the real Keycloak login page (the app redirects there), as a person would.
const { expect } = require('@playwright/test');

async function login(page, user, path = '/login') {
  await page.goto(path);
  await expect(page.locator('#kc-form-login')).toBeVisible();
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForURL(url => !url.toString().includes('/realms/'));
}

module.exports = { login };
