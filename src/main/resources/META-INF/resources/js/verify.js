// Re-checks a CityTrace proof bundle in the visitor's own browser, so that what the verification page says
// does not rest on CityTrace's word alone. For each event of the bundle the page embeds as
// <script type="application/json" id="proof-bundle">, it checks with WebCrypto that
//   - SHA-256 of the event's pre-hash (UTF-8) is the digest in its Event Hash ID, and
//   - the Merkle audit path leads from the leaf hash SHA-256(0x00 ‖ digest) to the batch's root
//     (RFC 9162 section 2.1.3.2, exactly as city.trace.merkle.InclusionProof#rootFor).
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
    allMatch: 'Your browser re-checked all [count] records: they match their fingerprints and Merkle proofs.',
    someAnchored: 'Your browser re-checked all [count] records: they match their fingerprints, the [anchored] anchored ones also their Merkle proofs.',
    noneAnchored: 'Your browser re-checked all [count] records: they match their fingerprints.',
    mismatch: '[bad] of [count] records do not match their fingerprint or proof.',
    needsHttps: 'Your browser can re-check these records only when this page is opened over HTTPS.',
    failed: 'Your browser could not re-check these records: [error]',
  };
  const LEAF_PREFIX = Uint8Array.of(0x00);
  const NODE_PREFIX = Uint8Array.of(0x01);

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

  // One bundle event → { hashMatches, proofMatches }; proofMatches is null for an event without a proof
  // (PENDING: not in a batch yet). Anything malformed is a mismatch, never an exception.
  async function verifyEvent(event) {
    const id = HASH_ID.exec(typeof event.hash === 'string' ? event.hash : '');
    if (!id || typeof event.prehash !== 'string') {
      return { hashMatches: false, proofMatches: event.proof ? false : null };
    }
    const digest = fromHex(id[1]);
    const hashMatches = sameBytes(await sha256(new TextEncoder().encode(event.prehash)), digest);
    const proofMatches = event.proof ? await proofLeadsToRoot(event.proof, digest) : null;
    return { hashMatches, proofMatches };
  }

  // The whole bundle → [{ eventID, hashMatches, proofMatches, matches }] in the bundle's order.
  async function verifyBundle(bundle) {
    const events = bundle && Array.isArray(bundle.events) ? bundle.events : [];
    return Promise.all(events.map(async event => {
      const result = await verifyEvent(event);
      return { eventID: event.eventID, ...result, matches: result.hashMatches && result.proofMatches !== false };
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
        show(mark, say(summary, result.matches ? 'markOk' : 'markBad'), result.matches ? 'ok' : 'bad');
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
