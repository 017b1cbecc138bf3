// Re-checks a CityTrace proof bundle in the visitor's own browser, so that what the verification page says
// does not rest on CityTrace's word alone. For each event of the bundle the page embeds as
// <script type="application/json" id="proof-bundle">, it checks with WebCrypto that
//   - SHA-256 of the event's pre-hash (UTF-8) is the digest in its Event Hash ID, and
//   - the Merkle audit path leads from the leaf hash SHA-256(0x00 ‖ digest) to the batch's root
//     (RFC 9162 section 2.1.3.2, exactly as city.trace.merkle.InclusionProof#rootFor);
// and for an event a device signed (one with a "device" block) that
//   - the device's JWS verifies with the bundle's public key (ES256 or Ed25519), and the event's sensor
//     reports are exactly the signed readings, of the device the event names, and
//   - the key's RFC 7638 thumbprint is the one the device's registration entry holds (dev:keyThumbprint),
//     that entry names the device and matches its own hash and proof
//     (as city.trace.proof.DeviceChecks; a browser without Ed25519 says it cannot check such a signature).
// What a browser cannot check: that the pre-hash is the canonical form of the event (that canonicalisation
// lives in Java, city.trace.epcis.hash.EventHasher), and that the root is anchored on the chain (it has no
// chain node to ask). scripts/verify-bundle.sh checks both, on the same bundle, against any node.
//
// Each element [data-browser-check="<eventID>"] gets "✓ checked by your browser" (class ok) or
// "✗ does not match" (class bad); #browser-check-summary gets one sentence for all. The page may give these
// words in its language as data-* attributes of #browser-check-summary (see WORDS; [count], [bad], [anchored]
// and [error] are filled in). No framework, no other script, works offline. In Node (the tests) it only
// defines globalThis.CityTraceVerify.
(function (global) {
  'use strict';

  const HASH_ID = /^ni:\/\/\/sha-256;([0-9a-fA-F]{64})\?ver=\S+$/;
  const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
  // English, unless the page's summary element says them in its language (data-mark-ok="…" and so on)
  const WORDS = {
    markOk: '✓ checked by your browser',
    markBad: '✗ does not match',
    markNoEd25519: '✓ checked by your browser, except the device signature: this browser cannot check Ed25519 keys',
    allMatch: 'Your browser re-checked all [count] records: they match their fingerprints and Merkle proofs.',
    someAnchored: 'Your browser re-checked all [count] records: they match their fingerprints, the [anchored] anchored ones also their Merkle proofs.',
    noneAnchored: 'Your browser re-checked all [count] records: they match their fingerprints.',
    mismatch: '[bad] of [count] records do not match their fingerprint or proof.',
    needsHttps: 'Your browser can re-check these records only when this page is opened over HTTPS.',
    failed: 'Your browser could not re-check these records: [error]',
  };
  const LEAF_PREFIX = Uint8Array.of(0x00);
  const NODE_PREFIX = Uint8Array.of(0x01);
  const BASE64URL = /^[A-Za-z0-9_-]+$/;
  const DEVICE_NAMESPACE = 'https://citytrace.city/ns/device#';
  // the JWS algorithms a device signs with, as WebCrypto names them (ES256's R‖S is WebCrypto's own form)
  const JWS_ALGORITHMS = {
    ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
    EdDSA: { key: { name: 'Ed25519' }, verify: { name: 'Ed25519' } },
  };

  // undefined outside a secure context: pages over plain HTTP to hosts other than localhost
  function subtle() {
    return global.crypto && global.crypto.subtle;
  }

  async function sha256(...parts) {
    const bytes = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
    parts.reduce((offset, part) => {
      bytes.set(part, offset);
      return offset + part.length;
    }, 0);
    return new Uint8Array(await subtle().digest('SHA-256', bytes));
  }

  function fromHex(hex) {
    const digits = hex.startsWith('0x') ? hex.slice(2) : hex;
    return Uint8Array.from(digits.match(/../g), pair => parseInt(pair, 16));
  }

  function sameBytes(a, b) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }

  function isIndex(value) {
    return Number.isSafeInteger(value) && value >= 0;
  }

  // RFC 9162 2.1.3.2: the root the audit path leads to from leafHash, or null when the path cannot belong
  // to this leaf of a tree of this size. Arithmetic instead of bit operators: those cut numbers to 32 bits.
  async function rootFor(leafIndex, treeSize, auditPath, leafHash) {
    if (leafIndex >= treeSize) {
      return null;
    }
    let fn = leafIndex;
    let sn = treeSize - 1;
    let r = leafHash;
    for (const p of auditPath) {
      if (sn === 0) {
        return null;
      }
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(NODE_PREFIX, p, r);
        // on the right edge of an uneven tree: skip the levels where this node has no sibling
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      } else {
        r = await sha256(NODE_PREFIX, r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  async function proofLeadsToRoot(proof, digest) {
    const { leafIndex, treeSize, auditPath, root } = proof;
    const wellFormed = isIndex(leafIndex) && isIndex(treeSize) && Array.isArray(auditPath)
      && auditPath.every(node => BYTES32.test(node)) && BYTES32.test(root);
    if (!wellFormed) {
      return false;
    }
    const reached = await rootFor(leafIndex, treeSize, auditPath.map(fromHex), await sha256(LEAF_PREFIX, digest));
    return reached !== null && sameBytes(reached, fromHex(root));
  }

  function fromBase64(text) {
    return Uint8Array.from(atob(text), c => c.charCodeAt(0));
  }

  function fromBase64Url(text) {
    if (typeof text !== 'string' || !BASE64URL.test(text)) {
      throw new Error('not base64url');
    }
    return fromBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
  }

  function toBase64Url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // A bare GS1 measurement type as the event writes it (gs1:Temperature); a URI as it is.
  function measurementType(type) {
    return type.includes(':') ? type : `gs1:${type}`;
  }

  function sensorMetadata(event) {
    const elements = event && event.sensorElementList;
    return (Array.isArray(elements) && elements[0]) || {};
  }

  // The event says what the device signed: its device, and the same readings in the same order.
  function sameReadings(event, batch) {
    const element = sensorMetadata(event);
    const reports = element.sensorReport;
    const readings = batch && batch.readings;
    return (element.sensorMetadata || {}).deviceID === batch.device && Array.isArray(reports)
      && Array.isArray(readings) && reports.length === readings.length
      && readings.every((reading, i) => {
        const report = reports[i] || {};
        return typeof reading.type === 'string' && report.type === measurementType(reading.type)
          && typeof report.value === 'number' && report.value === reading.value && report.uom === reading.unit
          && typeof report.time === 'string' && !Number.isNaN(Date.parse(report.time))
          && Date.parse(report.time) === Date.parse(reading.time);
      });
  }

  // RFC 7638: SHA-256 of the key's required JWK members in lexical order, base64url.
  async function thumbprint(key) {
    const jwk = await subtle().exportKey('jwk', key);
    const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
    return toBase64Url(await sha256(new TextEncoder().encode(JSON.stringify(members))));
  }

  // The registration's ILMD dev:keyThumbprint values, under any prefix bound to the device namespace (by its
  // document or the event itself) or as a full IRI.
  function anchoredThumbprints(registration) {
    const prefixes = { ...(registration.namespaces || {}) };
    const context = registration.event['@context'];
    for (const entry of Array.isArray(context) ? context : [context]) {
      Object.entries(entry && typeof entry === 'object' ? entry : {}).forEach(([prefix, definition]) => {
        prefixes[prefix] = definition && typeof definition === 'object' ? definition['@id'] : definition;
      });
    }
    return Object.entries(registration.event.ilmd || {}).filter(([name]) => {
      const colon = name.indexOf(':');
      return name === `${DEVICE_NAMESPACE}keyThumbprint` || (colon > 0
        && name.slice(colon + 1) === 'keyThumbprint' && prefixes[name.slice(0, colon)] === DEVICE_NAMESPACE);
    }).map(([, value]) => value);
  }

  // An event a device signed → { signatureMatches, keyMatches }, each null when this browser cannot check an
  // Ed25519 key. Anything malformed is a mismatch.
  async function verifyDevice(event) {
    const { jws, publicKey, registration } = event.device;
    let key;
    let parts;
    let algorithm;
    try {
      parts = jws.split('.');
      algorithm = JWS_ALGORITHMS[JSON.parse(new TextDecoder().decode(fromBase64Url(parts[0]))).alg];
      const der = fromBase64(publicKey.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
      key = await subtle().importKey('spki', der, algorithm.key, true, ['verify']);
    } catch (error) {
      const unsupported = error && error.name === 'NotSupportedError' && algorithm === JWS_ALGORITHMS.EdDSA;
      return unsupported ? { signatureMatches: null, keyMatches: null } : { signatureMatches: false, keyMatches: false };
    }
    let signatureMatches;
    try {
      const signed = await subtle().verify(algorithm.verify, key, fromBase64Url(parts[2]),
        new TextEncoder().encode(`${parts[0]}.${parts[1]}`));
      signatureMatches = signed && parts.length === 3
        && sameReadings(event.event, JSON.parse(new TextDecoder().decode(fromBase64Url(parts[1]))));
    } catch (error) {
      signatureMatches = false;
    }
    const deviceID = (sensorMetadata(event.event).sensorMetadata || {}).deviceID;
    const anchored = registration && registration.event ? anchoredThumbprints(registration) : [];
    const own = await thumbprint(key);
    const entry = registration ? await verifyEvent(registration) : { hashMatches: false };
    const keyMatches = anchored.length > 0 && anchored.every(value => value === own)
      && Array.isArray(registration.event.epcList) && registration.event.epcList.includes(deviceID)
      && entry.hashMatches && entry.proofMatches !== false;
    return { signatureMatches, keyMatches };
  }

  // One bundle event → { hashMatches, proofMatches } and, for an event a device signed, { signatureMatches,
  // keyMatches }; proofMatches is null for an event without a proof (PENDING: not in a batch yet). Anything
  // malformed is a mismatch, never an exception.
  async function verifyEvent(event) {
    const id = HASH_ID.exec(typeof event.hash === 'string' ? event.hash : '');
    const device = event.device ? await verifyDevice(event) : {};
    if (!id || typeof event.prehash !== 'string') {
      return { hashMatches: false, proofMatches: event.proof ? false : null, ...device };
    }
    const digest = fromHex(id[1]);
    const hashMatches = sameBytes(await sha256(new TextEncoder().encode(event.prehash)), digest);
    const proofMatches = event.proof ? await proofLeadsToRoot(event.proof, digest) : null;
    return { hashMatches, proofMatches, ...device };
  }

  // The whole bundle → [{ eventID, hashMatches, proofMatches, matches }] in the bundle's order.
  async function verifyBundle(bundle) {
    const events = bundle && Array.isArray(bundle.events) ? bundle.events : [];
    return Promise.all(events.map(async event => {
      const result = await verifyEvent(event);
      const matches = result.hashMatches && result.proofMatches !== false && result.signatureMatches !== false
        && result.keyMatches !== false;
      return { eventID: event.eventID, ...result, matches };
    }));
  }

  function show(element, text, outcome) {
    if (element) {
      element.textContent = text;
      if (outcome) {
        element.classList.add(outcome);
      }
    }
  }

  // The page's words for `key`, with [name] replaced by values[name].
  function say(summary, key, values = {}) {
    const own = summary && summary.dataset ? summary.dataset[key] : undefined;
    return (own || WORDS[key]).replace(/\[(\w+)\]/g, (placeholder, name) => (name in values ? values[name] : placeholder));
  }

  function summaryOf(summary, results) {
    const count = results.length;
    const bad = results.filter(result => !result.matches).length;
    if (bad > 0) {
      return [say(summary, 'mismatch', { bad, count }), 'bad'];
    }
    const anchored = results.filter(result => result.proofMatches).length;
    const key = anchored === count ? 'allMatch' : anchored > 0 ? 'someAnchored' : 'noneAnchored';
    return [say(summary, key, { count, anchored }), 'ok'];
  }

  // Checks the bundle embedded in doc and writes the results into its elements.
  async function checkPage(doc) {
    const source = doc.getElementById('proof-bundle');
    const summary = doc.getElementById('browser-check-summary');
    if (!source) {
      return;
    }
    if (!subtle()) {
      show(summary, say(summary, 'needsHttps'));
      return;
    }
    let results;
    try {
      results = await verifyBundle(JSON.parse(source.textContent));
    } catch (error) {
      show(summary, say(summary, 'failed', { error: error.message }), 'bad');
      return;
    }
    for (const mark of doc.querySelectorAll('[data-browser-check]')) {
      const result = results.find(candidate => candidate.eventID === mark.getAttribute('data-browser-check'));
      if (result) {
        const ok = result.signatureMatches === null ? 'markNoEd25519' : 'markOk';
        show(mark, say(summary, result.matches ? ok : 'markBad'), result.matches ? 'ok' : 'bad');
      }
    }
    show(summary, ...summaryOf(summary, results));
  }

  global.CityTraceVerify = { verifyEvent, verifyBundle, checkPage };

  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => checkPage(document));
    } else {
      checkPage(document);
    }
  }
})(globalThis);
