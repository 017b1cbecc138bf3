// A partner's system, as written with GS1-oriented tooling rather than the project's own builders: the npm
// package epcis2.js builds and validates the EPCIS 2.0 document, sends it to the capture interface, and reads
// the query answers back into its event model; its own Event Hash ID implementation re-hashes what CityTrace
// returns. No browser: this spec drives the REST binding with the machine client's OIDC token.
const { test, expect } = require('@playwright/test');
const epcis = require('epcis2.js');

const APP = process.env.CITYTRACE_URL || 'http://localhost:8080';
const KEYCLOAK_URL = process.env.CITYTRACE_KEYCLOAK_URL || 'http://localhost:8180';
const MACHINE_SECRET = process.env.CITYTRACE_MACHINE_CLIENT_SECRET || 'citytrace-machine-dev-secret';
const BAKERY_PREFIX = '8712347'; // the machine client acts for the demo's bakery

async function machineToken() {
  const response = await fetch(`${KEYCLOAK_URL}/realms/citytrace/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_id=citytrace-machine&client_secret=${MACHINE_SECRET}`,
  });
  expect(response.ok, 'Keycloak issues the machine client a token').toBe(true);
  return (await response.json()).access_token;
}

/**
 * An EPCIS document answer checked against GS1's EPCIS 2.0 JSON Schema, as epcis2.js ships it (ajv), and its
 * events' fields against the standard's names.
 */
function expectSchemaValid(document, what) {
  const result = epcis.validateEpcisDocument(document, false);
  expect(result.errors, `${what} against GS1's EPCIS JSON Schema`).toEqual([]);
  expect(result.success).toBe(true);
}

/** GETs a path of the app as the machine client; the parsed JSON answer. */
async function get(token, path) {
  const response = await fetch(APP + path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/ld+json, application/json;q=0.9' } });
  expect(response.status, `GET ${path}`).toBe(200);
  return response.json();
}

/** Waits for a capture job to finish; its final state. */
async function finished(token, location) {
  for (let i = 0; i < 100; i++) {
    const job = await get(token, new URL(location, APP).pathname);
    if (!job.running) {
      return job;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`capture job ${location} still running after 20 s`);
}

test('epcis2.js captures a document and reads the events back, with the Event Hash IDs it computes itself', async () => {
  const token = await machineToken();
  epcis.setup({
    apiUrl: `${APP}/epcis/`,
    headers: { 'content-type': 'application/ld+json', Authorization: `Bearer ${token}` },
    documentValidation: true, // epcis2.js checks the document against its EPCIS 2.0 schema before sending
  });
  const run = Date.now().toString(36);
  const epcs = [1, 2].map(n => `urn:epc:id:sgtin:${BAKERY_PREFIX}.000002.e2js-${run}-${n}`);
  const readPoint = `urn:epc:id:sgln:${BAKERY_PREFIX}.00001.0`;

  const commissioning = new epcis.ObjectEvent()
    .setEventTime('2026-12-01T08:00:00.000+01:00').setEventTimeZoneOffset('+01:00')
    .setAction(epcis.cbv.actionTypes.add)
    .setBizStep(epcis.cbv.bizSteps.commissioning)
    .setDisposition(epcis.cbv.dispositions.active)
    .setReadPoint(new epcis.ReadPoint().setId(readPoint))
    .addEPCList(epcs);
  const shipping = new epcis.ObjectEvent()
    .setEventTime('2026-12-01T09:30:00.000+01:00').setEventTimeZoneOffset('+01:00')
    .setAction(epcis.cbv.actionTypes.observe)
    .setBizStep(epcis.cbv.bizSteps.shipping)
    .setDisposition(epcis.cbv.dispositions.in_transit)
    .setReadPoint(new epcis.ReadPoint().setId(readPoint))
    .addEPCList(epcs)
    .addBizTransaction(new epcis.BizTransactionElement()
      .setType(epcis.cbv.businessTransactionTypes.desadv)
      .setBizTransaction(`urn:epcglobal:cbv:bt:${BAKERY_PREFIX}000019:e2js-${run}`));
  const document = new epcis.EPCISDocument()
    .setCreationDate(new Date().toISOString())
    .addEvent(commissioning)
    .addEvent(shipping);
  expect(document.isValid()).toBe(true);

  const response = await epcis.capture(document);
  expect(response.status, await response.clone().text()).toBe(202);
  const job = await finished(token, response.headers.get('location'));
  expect(job).toMatchObject({ success: true, storedCount: 2 });

  const answer = await get(token, `/epcis/events?MATCH_epc=${encodeURIComponent(epcs[0])}`);
  expect(answer.type).toBe('EPCISQueryDocument');
  expectSchemaValid(answer, 'GET /epcis/events');
  const returned = answer.epcisBody.queryResults.resultsBody.eventList;
  expect(returned.map(event => event.bizStep)).toEqual(['commissioning', 'shipping']);
  for (const json of returned) {
    const event = epcis.objectToEvent(json);
    expect(event.isValid(), `epcis2.js accepts the returned ${json.bizStep} event`).toBe(true);
    expect(event.epcList).toEqual(epcs);
    expect(json.eventID, 'CityTrace names an event without eventID by its Event Hash ID').toMatch(/^ni:\/\/\/sha-256;/);
    expect(epcis.eventToHashedId(json, answer['@context']), 'epcis2.js computes the same Event Hash ID')
      .toBe(json.eventID);
  }

  // the same event through the binding's other resources: by eventID, and by EPC
  const byId = await get(token, `/epcis/events/${encodeURIComponent(returned[1].eventID)}`);
  expectSchemaValid(byId, 'GET /epcis/events/{eventID}');
  const [shipped] = byId.epcisBody.queryResults.resultsBody.eventList;
  expect(epcis.objectToEvent(shipped).bizTransactionList.map(bt => bt.bizTransaction))
    .toEqual([`urn:epcglobal:cbv:bt:${BAKERY_PREFIX}000019:e2js-${run}`]);
  const byEpc = await get(token, `/epcis/epcs/${encodeURIComponent(epcs[1])}/events`);
  expectSchemaValid(byEpc, 'GET /epcis/epcs/{epc}/events');
  expect(byEpc.epcisBody.queryResults.resultsBody.eventList.map(event => event.eventID))
    .toEqual(returned.map(event => event.eventID));
  for (const path of ['/epcis/eventTypes/ObjectEvent/events?perPage=50', '/epcis/bizSteps/shipping/events?perPage=50',
    '/epcis/events?perPage=200']) {
    expectSchemaValid(await get(token, path), `GET ${path}`);
  }
});
