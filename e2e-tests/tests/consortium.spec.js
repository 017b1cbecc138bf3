// The consortium admits a member by vote, in the browser: adam (for the city's node) raises the threshold to 3 and
// proposes a cheese cooperative, alice's farm and bob's bakery approve, the registry admits it; the cooperative's
// first batch is anchored from its own account and its public page names it. The threshold goes back to 1 at the
// end, by the same votes: the benchmarks that share this stack admit their organisations with the node alone.
const { test, expect } = require('./fixtures');
const { login } = require('./login');
const { createUser } = require('./keycloak');

const COOPERATIVE = 'Groningen Cheese Cooperative';
const CODE = 'groningen-cheese';
const PREFIX = '8712399';

/** A GS1 key's body with its check digit (mod 10, weights 3 and 1 from the right). */
function withCheckDigit(body) {
  const sum = [...body].reverse().reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** A signed-in person in a browser of their own. */
async function signedIn(browser, user) {
  const page = await (await browser.newContext()).newPage();
  await login(page, user);
  await page.goto('/consortium');
  return page;
}

async function approve(page, proposal) {
  await page.goto('/consortium');
  await page.locator(`#proposal-${proposal}`).getByRole('button', { name: 'Approve' }).click();
  await expect(page).toHaveURL(new RegExp(`/consortium#proposal-${proposal}$`));
}

/** The id of the open proposal whose row says `subject`. */
async function openProposal(page, subject) {
  const row = page.locator('#open-proposals tr', { hasText: subject });
  return (await row.getAttribute('id')).replace('proposal-', '');
}

async function proposeThreshold(page, threshold) {
  await page.goto('/consortium');
  await page.getByLabel('Approvals needed').fill(String(threshold));
  await page.getByRole('button', { name: 'Propose threshold' }).click();
  await expect(page).toHaveURL(/\/consortium#proposal-\d+$/);
}

test('members vote a cooperative in, and its first batch is anchored with its own key and named on its page', async ({ browser }) => {
  test.setTimeout(240_000);
  const adam = await signedIn(browser, 'adam');
  // the demo's farm and bakery become members as their first events are anchored, seconds after start-up
  await expect(async () => {
    await adam.reload();
    await expect(adam.locator('#registry-members')).toContainText('De Korenaar Farm', { timeout: 1_000 });
    await expect(adam.locator('#registry-members')).toContainText('Noorderlicht Mill & Bakery', { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(adam.locator('#acting')).toContainText('You act for this node');

  await proposeThreshold(adam, 3); // one approval (adam's) suffices until this takes effect
  await expect(adam.locator('#current-threshold')).toContainText('3 of the');

  // a mistake is explained in the page, and nothing is proposed
  await adam.getByLabel('Name').fill(COOPERATIVE);
  await adam.getByLabel('Code').fill(CODE);
  await adam.getByLabel('Kind').selectOption('FACTORY');
  await adam.getByLabel('City').fill('Groningen');
  await adam.getByLabel('GS1 company prefix').fill('8712345'); // the farm's
  await adam.getByRole('button', { name: 'Propose admission' }).click();
  await expect(adam.locator('#gs1CompanyPrefix-error')).toContainText("overlaps De Korenaar Farm's 8712345");
  await adam.getByLabel('GS1 company prefix').fill(PREFIX);
  await adam.getByRole('button', { name: 'Propose admission' }).click();
  const proposal = await openProposal(adam, `Admit ${COOPERATIVE}`);
  await expect(adam.locator(`#proposal-${proposal}`)).toContainText('1 of 3: CityTrace');
  await expect(adam.locator(`#proposal-${proposal}`)).toContainText('You approved.');

  const alice = await signedIn(browser, 'alice');
  await approve(alice, proposal);
  await expect(alice.locator(`#proposal-${proposal}`)).toContainText('2 of 3');
  await expect(alice.locator(`#proposal-${proposal}`)).toContainText('You approved.');

  const bob = await signedIn(browser, 'bob');
  await approve(bob, proposal);
  // the third approval carried the admission out: the cooperative is a member, admitted by 3
  await expect(bob.locator(`#proposal-${proposal}`)).toHaveCount(0);
  const member = bob.locator('#registry-members tr', { hasText: COOPERATIVE });
  await expect(member).toContainText(/admitted by 3 of \d+ members/);
  const admittedAt = (await member.textContent()).match(/block (\d+)/)[1];

  // the cooperative's first person, set up in Keycloak by its identity administrator
  await createUser('gijs', CODE, 'manufacturer');
  const gijs = await signedIn(browser, 'gijs');
  await expect(gijs.locator('#acting')).toContainText(`You act for ${COOPERATIVE}`);
  await expect(gijs.locator('#acting')).toContainText('a member, who may propose and approve');
  await gijs.goto('/sites');
  await gijs.getByLabel('Name').fill('Cheese dairy Winsum');
  await gijs.getByLabel('GLN').fill(withCheckDigit(PREFIX + '00001'));
  await gijs.getByLabel('Address').fill('Hoofdstraat 1');
  await gijs.getByLabel('City').fill('Winsum');
  await gijs.getByLabel('Latitude').fill('53.3306');
  await gijs.getByLabel('Longitude').fill('6.5161');
  await gijs.getByRole('button', { name: 'Add site' }).click();
  await expect(gijs.locator('#sites')).toContainText('Cheese dairy Winsum');

  const gtin = withCheckDigit('0' + PREFIX + '00001');
  await gijs.goto('/products/new');
  await gijs.getByLabel('GTIN').fill(gtin);
  await gijs.getByLabel('Name').fill('Aged Gouda 1 kg');
  await gijs.getByLabel('Category').fill('Cheese');
  await gijs.getByRole('button', { name: 'Add product' }).click();

  const lot = 'G' + Date.now().toString().slice(-9);
  await gijs.goto('/batches/new');
  await gijs.getByLabel('Product', { exact: true }).selectOption({ index: 1 }); // its one product
  await gijs.getByLabel('Lot number').fill(lot);
  await gijs.getByLabel('Produced at').selectOption({ index: 1 });
  await gijs.getByLabel('Production date').fill(new Date().toISOString().slice(0, 10));
  await gijs.getByLabel('Quantity').fill('400');
  await gijs.getByLabel('Unit').selectOption('KGM');
  await gijs.getByRole('button', { name: 'Record batch' }).click();
  await expect(gijs).toHaveURL(/\/batches\/\d+$/);

  // the shopper's page: verified, anchored by the cooperative under the membership the vote gave it
  const shopper = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await shopper.goto(`/01/${gtin}/10/${lot}`);
  await expect(async () => {
    await shopper.reload();
    await expect(shopper.locator('#verdict')).toHaveClass(/verdict-VERIFIED/, { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(shopper.locator('.anchored-by').first()).toHaveText(
    new RegExp(`^Anchored by ${COOPERATIVE} \\(member since block ${admittedAt}, admitted by 3 of \\d+ members\\)$`));

  // one approval again, by the same three votes
  await proposeThreshold(adam, 1);
  const lowering = await openProposal(adam, 'Set the threshold to 1');
  await approve(alice, lowering);
  await approve(bob, lowering);
  await expect(bob.locator('#current-threshold')).toContainText('1 of the');
});
