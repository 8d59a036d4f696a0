// A SMART App Launch standalone launch of a public app with fhirclient
// (the SMART Health IT client, "client-js") in Node. The app is a real
// node:http server using fhirclient's Node entry point exactly as the
// library documents it: `smart(req, res, storage).authorize(...)` on the
// launch route and `smart(req, res, storage).ready()` on the redirect URI.
// A cookie-keeping browser walks the app, goemr's login, patient picker and
// consent pages and back.
//
// fhirclient finds the OAuth endpoints in the FHIR base's
// .well-known/smart-configuration (it reads the CapabilityStatement at
// /metadata only when that fails). The patient's app then reads its
// Patient, vital signs and conditions through the client, as a health app
// does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import smart from 'fhirclient/lib/entry/node.js';

import { Browser, FHIR_BASE, ISSUER, PATIENT, STAFF, TOKEN_URL, decodeJwt, register, userinfo } from './browser.mjs';

const SCOPE = 'launch/patient openid fhirUser offline_access patient/Patient.rs patient/Observation.rs patient/Condition.rs';

// MemoryStorage is the storage fhirclient keeps its launch state in
// (get/set/unset, as its ServerStorage over an express-style session).
class MemoryStorage {
  constructor() { this.data = {}; }
  async get(key) { return this.data[key]; }
  async set(key, value) { this.data[key] = value; return value; }
  async unset(key) {
    const had = Object.prototype.hasOwnProperty.call(this.data, key);
    delete this.data[key];
    return had;
  }
}

// startApp runs the SMART app: /launch starts the authorization, /callback
// completes it. Each browser gets its own session storage (by cookie). The
// fhirclient Client of each completed launch is kept for the test.
async function startApp() {
  const sessions = new Map();
  const clients = new Map(); // session id -> fhirclient Client
  const app = { clientId: '', clients, sessions };
  const server = http.createServer(async (req, res) => {
    let sid = /(?:^|;\s*)app_sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!sid || !sessions.has(sid)) {
      sid = randomBytes(16).toString('hex');
      sessions.set(sid, new MemoryStorage());
      res.setHeader('set-cookie', `app_sid=${sid}; Path=/; HttpOnly`);
    }
    const storage = sessions.get(sid);
    const path = new URL(req.url, 'http://app').pathname;
    try {
      if (path === '/launch') {
        await smart(req, res, storage).authorize({
          iss: FHIR_BASE,
          clientId: app.clientId,
          scope: SCOPE,
          redirectUri: `${app.url}/callback`,
          pkceMode: 'required',
        });
        return; // fhirclient answered with the redirect to goemr
      }
      if (path === '/callback') {
        const c = await smart(req, res, storage).ready();
        clients.set(sid, c);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ patient: c.patient.id }));
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err?.stack ?? err));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${server.address().port}`;
  app.close = () => new Promise((resolve) => server.close(resolve));
  return app;
}

describe('fhirclient 2.6.3: SMART standalone launch of a public app', () => {
  let app;

  before(async () => {
    app = await startApp();
    const reg = await register({
      application_type: 'public',
      client_name: 'fhirclient standalone app',
      redirect_uris: [`${app.url}/callback`],
      token_endpoint_auth_method: 'none',
      scope: SCOPE,
    });
    assert.equal(reg.token_endpoint_auth_method, 'none');
    assert.equal(reg.client_secret, undefined, 'a public client gets no secret');
    app.clientId = reg.client_id;
  });

  after(() => app?.close());

  // launch runs one whole launch in a fresh browser as who and returns the
  // app's fhirclient Client and what the browser saw.
  async function launch(who) {
    const browser = new Browser();
    const start = await browser.navigate(`${app.url}/launch`, {}, `${ISSUER}/authorize`);
    assert.ok(start.redirect, `the app did not redirect to goemr's authorize endpoint: ${start.page.status} ${start.page.body}`);
    const authURL = start.redirect;
    const q = authURL.searchParams;
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('client_id'), app.clientId);
    assert.equal(q.get('scope'), SCOPE);
    assert.equal(q.get('redirect_uri'), `${app.url}/callback`);
    assert.equal(q.get('aud'), FHIR_BASE);
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
    assert.ok(q.get('state'));

    const { redirect, seen } = await browser.authorize(authURL, who, { stopAt: `${app.url}/callback` });
    assert.equal(redirect.searchParams.get('state'), q.get('state'));
    assert.ok(redirect.searchParams.get('code'), `no code in ${redirect}`);

    const done = await browser.navigate(redirect);
    assert.equal(done.page.status, 200, `the app's ready() failed: ${done.page.body}`);
    const sid = /app_sid=([^;]+)/.exec(browser.header(new URL(app.url)))[1];
    const c = app.clients.get(sid);
    assert.ok(c, 'ready() gave the app a client');
    return { client: c, seen, body: JSON.parse(done.page.body) };
  }

  // checkClient asserts what every launch must give the app.
  async function checkClient(c) {
    assert.equal(c.getState('serverUrl'), FHIR_BASE);
    assert.equal(c.getState('tokenUri'), TOKEN_URL, 'endpoints come from .well-known/smart-configuration');
    assert.equal(c.getState('authorizeUri'), `${ISSUER}/authorize`);
    const tr = c.getState('tokenResponse');
    for (const k of ['access_token', 'id_token', 'refresh_token', 'patient']) {
      assert.ok(tr[k], `tokenResponse.${k} is missing: ${JSON.stringify(tr)}`);
    }
    assert.equal(tr.token_type, 'Bearer');
    assert.equal(tr.need_patient_banner, true);
    assert.ok(tr.smart_style_url?.startsWith(`${ISSUER}/`));
    assert.deepEqual(tr.scope.split(' ').sort(), SCOPE.split(' ').sort());
    assert.equal(c.patient.id, tr.patient);
    assert.equal(c.patient.id, decodeJwt(tr.access_token).patient, "client.patient.id is the access token's patient");
    assert.ok(c.getState('expiresAt') > Date.now() / 1000);

    const id = decodeJwt(tr.id_token);
    assert.equal(id.iss, ISSUER);
    assert.equal(id.aud, app.clientId);
    assert.equal(c.user.fhirUser, id.fhirUser.replace(`${FHIR_BASE}/`, ''));

    const info = await userinfo(tr.access_token);
    assert.equal(info.status, 200);
    assert.equal(info.body.sub, id.sub);
    assert.equal(info.body.fhirUser, id.fhirUser);
  }

  // checkRefresh: client.refresh() as fhirclient does it by default.
  // SMART App Launch ("Refresh access token") and RFC 6749 §6 define the
  // refresh request of a public client as grant_type and refresh_token (and
  // optionally scope): no client authentication and no client_id, which
  // RFC 6749 §3.2.1 requires of unauthenticated clients only on the
  // authorization_code grant. goemr must identify the client from the
  // refresh token itself.
  async function checkRefresh(c) {
    const before = { ...c.getState('tokenResponse') };
    try {
      await c.refresh();
    } catch (err) {
      // fhirclient drops the refresh token after a failed refresh; the
      // refused request did not use it up, so give it back for what follows.
      c.state.tokenResponse.refresh_token = before.refresh_token;
      assert.fail(`client.refresh() (grant_type=refresh_token&refresh_token=..., no client_id) was refused: ${err.message}`);
    }
    const after = c.getState('tokenResponse');
    assert.ok(after.access_token);
    assert.notEqual(after.access_token, before.access_token);
    assert.ok(after.refresh_token);
    assert.notEqual(after.refresh_token, before.refresh_token, 'refresh tokens rotate');
    assert.equal(after.patient, before.patient);
    assert.equal((await userinfo(after.access_token)).status, 200);
  }

  // checkRefreshWithClientId: the same with fhirclient's
  // refreshTokenWithClientId option, which adds client_id to the body.
  async function checkRefreshWithClientId(c) {
    c.environment.options.refreshTokenWithClientId = true;
    const before = { ...c.getState('tokenResponse') };
    await c.refresh();
    const after = c.getState('tokenResponse');
    assert.notEqual(after.access_token, before.access_token);
    assert.notEqual(after.refresh_token, before.refresh_token, 'refresh tokens rotate');
    assert.equal(after.patient, before.patient);
    assert.equal((await userinfo(after.access_token)).status, 200);
    // The retired refresh token is refused (and ends the grant).
    const reuse = await fetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: before.refresh_token, client_id: app.clientId }),
    });
    assert.equal(reuse.status, 400);
    assert.equal((await reuse.json()).error, 'invalid_grant');
    assert.equal((await userinfo(after.access_token)).status, 401, 'refresh-token reuse revokes the grant');
  }

  describe('staff user choosing a patient', () => {
    let c;

    it('launches: login, patient picker, consent, code exchange in ready()', async () => {
      const r = await launch(STAFF);
      c = r.client;
      assert.deepEqual(r.seen, ['/oauth2/default/provider/login', '/oauth2/default/smart/patient-select',
        '/oauth2/default/scope-authorize-confirm']);
      assert.equal(r.body.patient, c.patient.id);
      await checkClient(c);
      assert.match(c.user.fhirUser, /^(Practitioner|Person)\//);
    });

    it('refreshes with client.refresh() (fhirclient defaults)', async () => {
      await checkRefresh(c);
    });

    it('refreshes with client.refresh() and refreshTokenWithClientId', async () => {
      await checkRefreshWithClientId(c);
    });
  });

  describe('patient signing in to the portal', () => {
    let c;

    it('launches: login, consent, code exchange in ready()', async () => {
      const r = await launch(PATIENT);
      c = r.client;
      assert.deepEqual(r.seen, ['/oauth2/default/provider/login', '/oauth2/default/scope-authorize-confirm']);
      await checkClient(c);
      assert.equal(c.user.fhirUser, `Patient/${c.patient.id}`, 'a portal patient is the launch patient');
      assert.equal(c.user.resourceType, 'Patient');
      assert.equal(c.user.id, c.patient.id);
    });

    it('reads its Patient, vital signs and conditions', async () => {
      const me = await c.patient.read();
      assert.equal(me.resourceType, 'Patient');
      assert.equal(me.id, c.patient.id);
      assert.ok(me.meta.profile.some((p) => p.startsWith('http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient')));

      // Every page of each search (pageLimit 0 follows next links).
      const vitals = await c.patient.request('Observation?category=vital-signs&_count=10', { pageLimit: 0, flat: true });
      assert.ok(vitals.length > 10, `only ${vitals.length} vital signs`);
      for (const o of vitals) {
        assert.equal(o.resourceType, 'Observation');
        assert.equal(o.subject.reference, `Patient/${c.patient.id}`);
        assert.ok(o.category.some((cat) => cat.coding.some((k) => k.code === 'vital-signs')));
      }
      const conditions = await c.patient.request('Condition', { pageLimit: 0, flat: true });
      assert.ok(conditions.length > 0, 'no conditions');
      for (const cond of conditions) assert.equal(cond.subject.reference, `Patient/${c.patient.id}`);

      // Nothing of anyone else: another patient's record is not there.
      const others = await c.request('Patient?_count=100', { flat: true });
      assert.deepEqual(others.map((p) => p.id), [c.patient.id]);
      const foreign = await c.request('Observation?patient=00000000-0000-0000-0000-000000000000&category=vital-signs', { flat: true });
      assert.equal(foreign.length, 0);
    });

    it('refreshes with client.refresh() (fhirclient defaults)', async () => {
      await checkRefresh(c);
    });

    it('refreshes with client.refresh() and refreshTokenWithClientId', async () => {
      await checkRefreshWithClientId(c);
    });
  });
});
