// The in-browser verifier (js/verify.js) on a bundle the Java side built and verified on a real chain
// (BundleVerifierTest writes it to target/js-fixtures/), and on tampered copies of it. Run by the Maven
// build in the test phase after the Java tests, or by hand: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const project = new URL('../../../', import.meta.url);
const fixture = fileURLToPath(new URL('target/js-fixtures/proof-bundle.json', project));
const script = fileURLToPath(new URL('src/main/resources/META-INF/resources/js/verify.js', project));

// as a browser runs it: a classic script in the global scope
vm.runInThisContext(readFileSync(script, 'utf8'), { filename: script });
const { verifyEvent, verifyBundle, checkPage } = globalThis.CityTraceVerify;

const skip = !existsSync(fixture) && `${fixture} is absent: the Java test BundleVerifierTest writes it`;
const bundle = () => JSON.parse(readFileSync(fixture, 'utf8'));
const anchored = b => b.events.filter(event => event.proof);

test('every event of the verified bundle matches its hash, and its proof when anchored', { skip }, async () => {
  const b = bundle();
  assert.ok(anchored(b).length >= 3 && anchored(b).length < b.events.length, 'anchored and pending events');
  for (const event of b.events) {
    assert.deepEqual(await verifyEvent(event), { hashMatches: true, proofMatches: event.proof ? true : null },
      event.eventID);
  }
});

test('an edited pre-hash does not match the hash', { skip }, async () => {
  const event = anchored(bundle())[0];
  event.prehash = event.prehash.replace('bizStep=', 'bizStep=x');
  assert.deepEqual(await verifyEvent(event), { hashMatches: false, proofMatches: true });
});

test('a hash that is not the leaf matches neither', { skip }, async () => {
  const [event, other] = anchored(bundle());
  event.hash = other.hash;
  assert.deepEqual(await verifyEvent(event), { hashMatches: false, proofMatches: false });
});

test('a swapped audit path sibling, another leaf index or another root does not lead to the root', { skip },
  async () => {
    const edits = [
      proof => proof.auditPath.reverse(),
      proof => { proof.leafIndex += 1; },
      proof => { proof.auditPath.pop(); },
      proof => { proof.root = proof.auditPath[0]; },
    ];
    for (const edit of edits) {
      const event = anchored(bundle())[0];
      edit(event.proof);
      assert.deepEqual(await verifyEvent(event), { hashMatches: true, proofMatches: false }, edit.toString());
    }
  });

test('malformed values are mismatches, not exceptions', { skip }, async () => {
  const edits = [
    event => { event.hash = 'sha256:00'; },
    event => { delete event.prehash; },
    event => { event.proof.root = '0x1234'; },
    event => { event.proof.auditPath = '0x00'; },
    event => { event.proof.leafIndex = '0'; },
    event => { event.proof.treeSize = -1; },
  ];
  for (const edit of edits) {
    const event = anchored(bundle())[0];
    edit(event);
    const result = await verifyEvent(event);
    assert.ok(!result.hashMatches || !result.proofMatches, edit.toString());
  }
});

test('the page marks each event and sums up', { skip }, async () => {
  const b = bundle();
  b.events[1].prehash += ' ';
  const page = fakePage(JSON.stringify(b), b.events.map(event => event.eventID));
  await checkPage(page);
  page.marks.forEach((mark, i) => {
    const ok = i !== 1;
    assert.equal(mark.textContent, ok ? '✓ checked by your browser' : '✗ does not match');
    assert.deepEqual([...mark.classes], [ok ? 'ok' : 'bad']);
  });
  assert.equal(page.summary.textContent, `1 of ${b.events.length} records do not match their fingerprint or proof.`);
  assert.deepEqual([...page.summary.classes], ['bad']);

  const intact = fakePage(JSON.stringify(bundle()), []);
  await checkPage(intact);
  assert.match(intact.summary.textContent, /^Your browser re-checked all \d+ records: they match their fingerprints, the \d+ anchored ones also their Merkle proofs\.$/);
});

test('a page without WebCrypto (plain HTTP) says so instead of failing', { skip }, async () => {
  const page = fakePage(JSON.stringify(bundle()), [bundle().events[0].eventID]);
  const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
  try {
    await checkPage(page);
  } finally {
    Object.defineProperty(globalThis, 'crypto', crypto);
  }
  assert.match(page.summary.textContent, /only when this page is opened over HTTPS/);
  assert.equal(page.marks[0].textContent, '');
});

test('an unreadable embedded bundle is reported', async () => {
  const page = fakePage('{not json', []);
  await checkPage(page);
  assert.match(page.summary.textContent, /^Your browser could not re-check these records: /);
  assert.deepEqual([...page.summary.classes], ['bad']);
});

test('a page without a bundle is left alone', async () => {
  const page = fakePage(undefined, []);
  await checkPage(page);
  assert.equal(page.summary.textContent, '');
});

// Just the part of a DOM document that verify.js uses.
function fakePage(bundleText, eventIDs) {
  const element = (attributes = {}) => {
    const classes = new Set();
    return {
      textContent: '', classes, classList: { add: name => classes.add(name) },
      getAttribute: name => attributes[name] ?? null,
    };
  };
  const marks = eventIDs.map(id => element({ 'data-browser-check': id }));
  const summary = element();
  const source = bundleText === undefined ? null : { textContent: bundleText };
  return {
    marks, summary,
    getElementById: id => ({ 'proof-bundle': source, 'browser-check-summary': summary })[id] ?? null,
    querySelectorAll: selector => (selector === '[data-browser-check]' ? marks : []),
  };
}
