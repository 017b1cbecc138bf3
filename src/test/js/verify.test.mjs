// The in-browser verifier (js/verify.js) on a bundle the Java side built and verified on a real chain
// (BundleVerifierTest writes it to target/js-fixtures/), and on tampered copies of it. Run by the Maven
// build in the test phase after the Java tests, or by hand: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const project = new URL('../../../', import.meta.url);
const fixture = fileURLToPath(new URL('target/js-fixtures/proof-bundle.json', project));
const signedFixture = fileURLToPath(new URL('target/js-fixtures/signed-bundle.json', project));
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

test('readings a device signed, with its anchored registration, pass (ES256 and Ed25519)', async () => {
  for (const algorithm of ['ES256', 'EdDSA']) {
    const { event } = signedEvent({ algorithm });
    assert.deepEqual(await verifyEvent(event),
      { hashMatches: true, proofMatches: true, signatureMatches: true, keyMatches: true }, algorithm);
  }
});

test('a flipped signature byte fails', async () => {
  const { event } = signedEvent();
  const [header, payload, signature] = event.device.jws.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[5] ^= 0x01;
  event.device.jws = [header, payload, bytes.toString('base64url')].join('.');
  assert.deepEqual(await verifyEvent(event),
    { hashMatches: true, proofMatches: true, signatureMatches: false, keyMatches: true });
});

test('a changed reading value in the event fails though its hash still matches', async () => {
  const edits = [
    reports => { reports[1].value = 9.9; },
    reports => { reports[0].time = '2026-11-21T10:00:01Z'; },
    reports => { reports[2].type = 'gs1:DoorOpen'; },
    reports => { reports[0].uom = 'FAH'; },
    reports => { reports.pop(); },
  ];
  for (const edit of edits) {
    const { event } = signedEvent();
    edit(event.event.sensorElementList[0].sensorReport);
    assert.deepEqual(await verifyEvent(event),
      { hashMatches: true, proofMatches: true, signatureMatches: false, keyMatches: true }, edit.toString());
  }
});

test('readings said to be of another device fail, whose registration this is not', async () => {
  const { event } = signedEvent();
  event.event.sensorElementList[0].sensorMetadata.deviceID = 'urn:epc:id:giai:8712347.TRUCK8-T1';
  assert.deepEqual(await verifyEvent(event),
    { hashMatches: true, proofMatches: true, signatureMatches: false, keyMatches: false });
});

test('the same readings at the same instants, written otherwise, pass', async () => {
  const { event } = signedEvent();
  event.event.sensorElementList[0].sensorReport[0].time = '2026-11-21T11:00:00.000+01:00';
  assert.equal((await verifyEvent(event)).signatureMatches, true);
});

test('a key other than the registered one fails, though it signed the readings', async () => {
  const { event } = signedEvent();
  const impostor = signedEvent();
  event.device.jws = impostor.event.device.jws;
  event.device.publicKey = impostor.event.device.publicKey;
  assert.deepEqual(await verifyEvent(event),
    { hashMatches: true, proofMatches: true, signatureMatches: true, keyMatches: false });
});

test('an edited registration fails the key', async () => {
  const { event } = signedEvent();
  event.device.registration.prehash += ' ';
  assert.equal((await verifyEvent(event)).keyMatches, false);
});

test('malformed device blocks are mismatches, not exceptions', async () => {
  const edits = [
    device => { device.jws = 'a.b'; },
    device => { device.jws = 42; },
    device => { device.publicKey = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'; },
    device => { delete device.registration; },
    device => { device.registration.event.ilmd = null; },
  ];
  for (const edit of edits) {
    const { event } = signedEvent();
    edit(event.device);
    const result = await verifyEvent(event);
    assert.ok(result.signatureMatches === false || result.keyMatches === false, edit.toString());
  }
});

test('the page marks a bad device signature as a mismatch', async () => {
  const good = signedEvent().event;
  const bad = signedEvent().event;
  bad.eventID = 'urn:uuid:4b2c1e5e-0b0c-4f2e-9d7a-3a3c1c1d1e1f'; // the same readings hash alike
  bad.event.sensorElementList[0].sensorReport[0].value = -20;
  const page = fakePage(JSON.stringify({ events: [good, bad] }), [good.eventID, bad.eventID]);
  await checkPage(page);
  assert.deepEqual(page.marks.map(mark => mark.textContent), ['✓ checked by your browser', '✗ does not match']);
  assert.equal(page.summary.textContent, '1 of 2 records do not match their fingerprint or proof.');
});

test('a browser without Ed25519 says it cannot check the device signature instead of failing', async () => {
  const { event } = signedEvent({ algorithm: 'EdDSA' });
  const subtle = globalThis.crypto.subtle;
  const importKey = subtle.importKey;
  subtle.importKey = async (format, key, algorithm, ...rest) => {
    if (algorithm.name === 'Ed25519') {
      throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
    }
    return importKey.call(subtle, format, key, algorithm, ...rest);
  };
  const page = fakePage(JSON.stringify({ events: [event] }), [event.eventID]);
  try {
    assert.deepEqual(await verifyEvent(event),
      { hashMatches: true, proofMatches: true, signatureMatches: null, keyMatches: null });
    await checkPage(page);
  } finally {
    subtle.importKey = importKey;
  }
  assert.match(page.marks[0].textContent, /except the device signature: this browser cannot check Ed25519 keys/);
  assert.deepEqual([...page.marks[0].classes], ['ok']);
});

test('the signed event the Java verifier verified passes here too', {
  skip: !existsSync(signedFixture) && `${signedFixture} is absent: the Java test DeviceSignatureChecksTest writes it`,
}, async () => {
  const [event] = JSON.parse(readFileSync(signedFixture, 'utf8')).events;
  assert.deepEqual(await verifyEvent(event),
    { hashMatches: true, proofMatches: true, signatureMatches: true, keyMatches: true });
});

// A bundle entry of readings a device signed, as the app writes it, with node:crypto rather than the WebCrypto
// verify.js uses: a key pair, a signed batch (compact JWS), its sensor-reporting event and the device's
// registration, both leaves of one Merkle tree. The pre-hashes are stand-ins: the browser only hashes them.
function signedEvent({ algorithm = 'ES256' } = {}) {
  const device = 'urn:epc:id:giai:8712347.TRUCK7-T1';
  const { publicKey, privateKey } = algorithm === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('ed25519');
  const readings = [
    { time: '2026-11-21T10:00:00Z', type: 'Temperature', value: 4.2, unit: 'CEL' },
    { time: '2026-11-21T10:05:00.250Z', type: 'Temperature', value: 5.1, unit: 'CEL' },
    { time: '2026-11-21T10:06:00Z', type: 'https://example.org/vocab/DoorOpen', value: 1, unit: 'C62' },
  ];
  const base64url = text => Buffer.from(text).toString('base64url');
  const input = `${base64url(JSON.stringify({ alg: algorithm }))}.${base64url(JSON.stringify({ device, counter: 1, readings }))}`;
  const signature = algorithm === 'ES256'
    ? sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
    : sign(null, Buffer.from(input), privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  const required = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  const thumbprint = createHash('sha256').update(JSON.stringify(required)).digest('base64url');

  const registration = entry({
    type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', epcList: [device],
    ilmd: { 'dev:keyAlgorithm': algorithm, 'dev:keyThumbprint': thumbprint },
  });
  const observation = entry({
    type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'sensor_reporting',
    sensorElementList: [{
      sensorMetadata: { deviceID: device },
      sensorReport: readings.map(({ time, type, value, unit }) => ({
        type: type.includes(':') ? type : `gs1:${type}`, value, uom: unit, time,
      })),
    }],
  });
  const leaves = [registration, observation].map(e => sha256(Buffer.of(0), Buffer.from(e.hash.slice(14, 78), 'hex')));
  const root = `0x${sha256(Buffer.of(1), leaves[0], leaves[1]).toString('hex')}`;
  [registration, observation].forEach((e, i) => {
    e.proof = { leafIndex: i, treeSize: 2, auditPath: [`0x${leaves[1 - i].toString('hex')}`], root };
  });
  observation.device = { jws: `${input}.${signature.toString('base64url')}`, publicKey: publicKey.export({ type: 'spki', format: 'pem' }), registration };
  return { event: observation };
}

function entry(event) {
  const prehash = JSON.stringify(event);
  const hash = `ni:///sha-256;${sha256(Buffer.from(prehash)).toString('hex')}?ver=CBV2.0`;
  return { eventID: hash, event, namespaces: { dev: 'https://citytrace.city/ns/device#' }, hashVersion: 'CBV2.0', prehash, hash, status: 'FINAL' };
}

function sha256(...parts) {
  return createHash('sha256').update(Buffer.concat(parts)).digest();
}

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
