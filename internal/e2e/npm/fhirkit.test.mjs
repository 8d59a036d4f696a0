// fhir-kit-client runs the US Core 6.1.0 search matrix (the SHALL and
// SHOULD searches Inferno's Single Patient API tests run,
// conformance-targets.md) against goemr's demo data, the way Inferno
// builds it: for each type it first searches by patient, takes values
// from a resource it found (a code, a category, a date, a status) and
// checks that every combination finds that resource again. Every search
// is followed through its next links to the end, in pages of 2.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'fhir-kit-client';

import { FHIR_BASE, TOKEN_URL, register } from './browser.mjs';

const TYPES = ['Patient', 'AllergyIntolerance', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device',
  'DiagnosticReport', 'DocumentReference', 'Encounter', 'Goal', 'Immunization', 'Location', 'Medication',
  'MedicationDispense', 'MedicationRequest', 'Observation', 'Organization', 'Practitioner', 'PractitionerRole',
  'Procedure', 'Provenance', 'QuestionnaireResponse', 'RelatedPerson', 'ServiceRequest', 'Specimen'];

const code = (cc) => cc?.coding?.[0] && `${cc.coding[0].system}|${cc.coding[0].code}`;
const day = (v) => v?.slice(0, 10);

// matrix gives, for a resource found by patient, the searches that must
// find it again (US Core 6.1.0 server CapabilityStatement, SHALL first).
const matrix = {
  AllergyIntolerance: (r) => [{ 'clinical-status': code(r.clinicalStatus) }],
  Condition: (r) => [{ category: code(r.category?.[0]) }, { 'clinical-status': code(r.clinicalStatus) },
    { category: code(r.category?.[0]), 'clinical-status': code(r.clinicalStatus) }, { code: code(r.code) },
    { 'onset-date': day(r.onsetDateTime) }, { 'recorded-date': day(r.recordedDate) }],
  DiagnosticReport: (r) => [{ category: code(r.category?.[0]) }, { category: code(r.category?.[0]), date: day(r.effectiveDateTime) },
    { code: code(r.code) }, { code: code(r.code), date: day(r.effectiveDateTime) }, { status: r.status }],
  DocumentReference: (r) => [{ type: code(r.type) }, { category: code(r.category?.[0]) },
    { category: code(r.category?.[0]), date: day(r.date) }, { status: r.status }],
  Encounter: (r) => [{ date: day(r.period?.start) }, { status: r.status }, { class: `${r.class?.system}|${r.class?.code}` },
    { type: code(r.type?.[0]) }],
  Immunization: (r) => [{ date: day(r.occurrenceDateTime) }, { status: r.status }],
  MedicationRequest: (r) => [{ intent: r.intent }, { intent: r.intent, status: r.status },
    { intent: r.intent, authoredon: day(r.authoredOn) }],
  Observation: (r) => [{ category: code(r.category?.[0]) }, { category: code(r.category?.[0]), date: day(r.effectiveDateTime) },
    { code: code(r.code) }, { code: code(r.code), date: day(r.effectiveDateTime) }, { category: code(r.category?.[0]), status: r.status }],
  Procedure: (r) => [{ date: day(r.performedDateTime ?? r.performedPeriod?.start) }, { status: r.status },
    { code: code(r.code), date: day(r.performedDateTime ?? r.performedPeriod?.start) }],
  Coverage: () => [],
  Goal: (r) => [{ 'lifecycle-status': r.lifecycleStatus }],
  CarePlan: (r) => [{ category: code(r.category?.[0]) }],
  CareTeam: (r) => [{ status: r.status }],
  Device: (r) => [{ type: code(r.type) }],
  ServiceRequest: (r) => [{ category: code(r.category?.[0]) }, { code: code(r.code) }],
  QuestionnaireResponse: (r) => [{ status: r.status }],
};

describe('fhir-kit-client: the US Core search matrix on the demo data', () => {
  let client;
  let declared;
  let patient;

  before(async () => {
    const scope = ['openid', ...TYPES.map((t) => `user/${t}.rs`)].join(' ');
    const reg = await register({ application_type: 'private', client_name: 'fhir-kit-client matrix',
      redirect_uris: ['https://app.example.org/cb'], scope });
    const res = await fetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded',
        authorization: 'Basic ' + Buffer.from(`${reg.client_id}:${reg.client_secret}`).toString('base64') },
      body: new URLSearchParams({ grant_type: 'password', user_role: 'users', username: 'admin', password: 'pass', scope }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    client = new Client({ baseUrl: FHIR_BASE, bearerToken: (await res.json()).access_token });
    const cs = await client.capabilityStatement();
    declared = new Set(cs.rest[0].resource.map((r) => r.type));
    const found = await all('Patient', { name: 'Belford' });
    assert.equal(found.length, 1);
    patient = found[0].id;
  });

  // all runs a search in pages of 2 and follows next links to the end;
  // every page is a searchset of the type.
  async function all(resourceType, searchParams) {
    const out = [];
    let bundle = await client.search({ resourceType, searchParams: { ...searchParams, _count: 2 } });
    for (let pages = 0; bundle; pages++) {
      assert.equal(bundle.resourceType, 'Bundle');
      assert.equal(bundle.type, 'searchset');
      assert.ok(pages < 500, 'next links never end');
      for (const e of bundle.entry ?? []) {
        if (e.search?.mode === 'outcome') assert.fail(`${resourceType} ${JSON.stringify(searchParams)}: ${JSON.stringify(e.resource)}`);
        if (e.search?.mode === 'match') {
          assert.equal(e.resource.resourceType, resourceType);
          out.push(e.resource);
        }
      }
      bundle = await client.nextPage({ bundle });
    }
    const ids = out.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `${resourceType}: an entry on two pages`);
    return out;
  }

  it('Patient: _id, identifier, name, birthdate+name, gender+name, family+gender, birthdate+family', async () => {
    const p = await client.read({ resourceType: 'Patient', id: patient });
    const family = p.name[0].family;
    for (const q of [{ _id: patient }, { identifier: `${p.identifier[0].system}|${p.identifier[0].value}` }, { name: family },
      { birthdate: p.birthDate, name: family }, { gender: p.gender, name: family }, { family, gender: p.gender },
      { birthdate: p.birthDate, family }]) {
      const found = await all('Patient', q);
      assert.ok(found.some((r) => r.id === patient), `Patient ${JSON.stringify(q)} did not find the patient`);
    }
  });

  // patientOf is the patient a resource belongs to.
  const patientOf = (r) => (r.subject ?? r.patient ?? r.beneficiary)?.reference?.replace(/^.*Patient\//, '');

  for (const [type, combos] of Object.entries(matrix)) {
    it(`${type}: patient, and every combination with it`, async (t) => {
      if (!declared.has(type)) return t.skip(`${type} is not served yet`);
      // As Inferno does with its list of patients: the first patient that
      // has one (Phil when he does).
      let found = await all(type, { patient });
      if (found.length === 0) {
        const any = await client.search({ resourceType: type, searchParams: { _count: 1 } });
        const first = any.entry?.find((e) => e.search?.mode === 'match')?.resource;
        assert.ok(first, `the demo data has no ${type}`);
        found = await all(type, { patient: patientOf(first) });
      }
      const who = patientOf(found[0]);
      assert.ok(found.length > 0 && who, `no ${type} with a patient`);
      for (const r of found) assert.equal(patientOf(r), who, `${type}/${r.id} is another patient's`);
      const seed = found[0];
      for (const q of combos(seed)) {
        if (Object.values(q).some((v) => v === undefined || v === 'undefined|undefined')) continue; // the seed lacks the element
        const again = await all(type, { patient: who, ...q });
        assert.ok(again.some((r) => r.id === seed.id), `${type} ${JSON.stringify(q)} did not find ${type}/${seed.id}`);
      }
    });
  }
});
