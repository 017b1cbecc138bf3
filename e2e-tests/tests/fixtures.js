// The tests' `test`: every page of the test's browser context is watched, and a Content-Security-Policy
// violation (the browser refused one of the app's scripts, styles, images or form targets) fails the test.
const base = require('@playwright/test');

/** Collects the CSP violations the pages of `context` report in their consoles. */
function cspViolations(context) {
  const violations = [];
  context.on('console', message => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(`${message.location().url}: ${message.text()}`);
    }
  });
  return violations;
}

const test = base.test.extend({
  context: async ({ context }, use) => {
    const violations = cspViolations(context);
    await use(context);
    base.expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});

module.exports = { test, expect: base.expect, cspViolations };
