// The clinic's web side in a real browser, end to end: headless Chromium
// (Debian's package, driven by playwright-core) signs in to the
// administration pages, turns manual app approval on, registers a SMART app
// on the registration page, approves it, opens a patient's chart and
// launches the app from the "SMART Enabled Apps" panel. The app is a small
// page served here on loopback that uses fhirclient in the browser
// (SMART App Launch 2.x EHR launch): it reads that patient's Patient and
// vital signs with the token it got. The administrator then revokes every
// token of the app, and the app's next call fails.
//
// Screenshots of every page go to GOEMR_SCREENSHOTS (CI keeps them as
// artifacts), else to a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { GOEMR_URL, FHIR_BASE, STAFF } from './browser.mjs';
import { haveChromium, launch } from './chromium.mjs';

const ADMIN = `${GOEMR_URL}/admin/default`;
const SCOPES = ['launch', 'openid', 'fhirUser', 'patient/Patient.rs', 'patient/Observation.rs'];
const SHOTS = process.env.GOEMR_SCREENSHOTS || mkdtempSync(join(tmpdir(), 'goemr-screenshots-'));
mkdirSync(SHOTS, { recursive: true });

const fhirClientJS = readFileSync(createRequire(import.meta.url).resolve('fhirclient/build/fhir-client.js'));

// The SMART app: /launch.html starts the authorization with fhirclient
// (iss and launch come from its URL), /app.html finishes it and reads.
function appPages(clientId) {
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test SMART app</title>
<script src="/fhir-client.js"></script></head><body data-state="loading">${body}</body></html>`;
  return {
    '/launch.html': page(`<p>Launching…</p><script>
FHIR.oauth2.authorize({ clientId: ${JSON.stringify(clientId)}, scope: ${JSON.stringify(SCOPES.join(' '))}, redirectUri: '/app.html' })
  .catch((e) => { document.body.dataset.state = 'error'; document.body.textContent = String(e); });
</script>`),
    '/app.html': page(`<h1>Test SMART app</h1>
<dl><dt>Patient</dt><dd id="patient"></dd><dt>Name</dt><dd id="name"></dd><dt>Vital signs</dt><dd id="vitals"></dd>
<dt>Token context</dt><dd id="context"></dd><dt>Read again</dt><dd id="again"></dd></dl>
<button id="reread" type="button">Read again</button>
<script>
FHIR.oauth2.ready().then(async (client) => {
  window.smart = client;
  const p = await client.request('Patient/' + client.patient.id);
  const vitals = await client.request('Observation?patient=' + client.patient.id + '&category=vital-signs&_count=50');
  const tr = client.state.tokenResponse;
  document.getElementById('patient').textContent = p.id;
  document.getElementById('name').textContent = (p.name?.[0]?.given || []).join(' ') + ' ' + (p.name?.[0]?.family || '');
  document.getElementById('vitals').textContent = String((vitals.entry || []).length);
  document.getElementById('context').textContent = JSON.stringify({ patient: tr.patient, need_patient_banner: tr.need_patient_banner, fhirUser: client.getFhirUser(), scope: tr.scope });
  document.body.dataset.state = 'ready';
}).catch((e) => { document.body.dataset.state = 'error'; document.getElementById('context').textContent = String(e); });
document.getElementById('reread').addEventListener('click', async () => {
  const out = document.getElementById('again');
  try { const p = await window.smart.request('Patient/' + window.smart.patient.id); out.textContent = 'ok ' + p.id; }
  catch (e) { out.textContent = 'failed: ' + (e.status || '') + ' ' + e.message; }
});
</script>`),
  };
}

async function startApp() {
  const app = { pages: {} };
  app.server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://app').pathname;
    if (path === '/fhir-client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(fhirClientJS);
    }
    const body = app.pages[path];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise((r) => app.server.listen(0, '127.0.0.1', r));
  app.url = `http://127.0.0.1:${app.server.address().port}`;
  return app;
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

// An administration action button in the table row of the app.
function rowOf(page, clientId) {
  return page.locator('tr', { has: page.locator('code', { hasText: clientId }) });
}

test('register, approve and launch a SMART app from a patient chart in Chromium, then revoke it',
  { skip: !haveChromium && 'no Chromium', timeout: 120_000 }, async () => {
    const app = await startApp();
    const browser = await launch();
    try {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();

      // Staff sign-in: a wrong password is refused next to the form.
      await page.goto(`${ADMIN}/`);
      await page.waitForURL(/\/signin/);
      await shot(page, '01-signin');
      await page.getByLabel('Username').fill(STAFF.username);
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Password').fill(STAFF.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${ADMIN}/`);
      await shot(page, '02-home');

      // Connectors: every app now waits for an administrator.
      await page.getByRole('navigation').getByRole('link', { name: 'Connectors' }).click();
      const manual = page.locator('#oauth_app_manual_approval');
      if (await manual.evaluate((e) => e.tagName) === 'SELECT') await manual.selectOption('1');
      else await manual.check();
      await shot(page, '03-connectors');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').waitFor();

      // The registration page: a public app with a launch URI.
      await page.goto(`${GOEMR_URL}/interface/smart/register-app.php?site=default`);
      await page.getByRole('button', { name: 'Register the app' }).click(); // empty: errors next to fields
      assert.ok(await page.locator('.field-error').count() >= 3, 'an empty form shows field errors');
      await page.getByLabel('App name *').fill('Chart test app');
      await page.getByLabel(/Contact e-mails/).fill('dev@example.org');
      await page.locator('input[name="app_type"][value="public"]').check();
      await page.getByLabel(/Redirect URIs/).fill(`${app.url}/app.html`);
      await page.getByLabel(/Launch URI/).fill(`${app.url}/launch.html`);
      const closed = page.locator('details:not([open]) > summary');
      while (await closed.count() > 0) await closed.first().click();
      for (const s of SCOPES) await page.locator(`input[name="scope"][value="${s}"]`).check();
      await shot(page, '04-register-app');
      await page.getByRole('button', { name: 'Register the app' }).click();
      await page.getByText('waiting for an administrator').waitFor();
      const clientId = (await page.locator('dt:text-is("Client ID") + dd code').textContent()).trim();
      assert.ok(clientId);
      await shot(page, '05-registered');
      app.pages = appPages(clientId);

      // API Clients: approve it.
      await page.goto(`${ADMIN}/clients`);
      await rowOf(page, clientId).getByRole('button', { name: 'Approve' }).click();
      await rowOf(page, clientId).getByText('approved').waitFor();
      await shot(page, '06-api-clients');

      // The patient finder and chart.
      await page.getByRole('navigation').getByRole('link', { name: 'Patients' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Belford');
      await page.getByRole('button', { name: 'Find' }).click();
      await shot(page, '07-patient-finder');
      await page.getByRole('link', { name: /Belford/ }).first().click();
      await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
      const patientId = page.url().split('/').pop();
      await shot(page, '08-patient-chart');
      const phone = await ctx.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(page.url());
      await shot(phone, '09-patient-chart-phone', false);
      await phone.close();

      // Launch: the app's launch URI gets iss and launch; goemr signs the
      // clinician in, asks for consent and hands the app its token.
      const panel = page.getByRole('region', { name: 'SMART Enabled Apps' });
      await panel.getByRole('button', { name: 'Launch Chart test app' }).click();
      await page.waitForURL(/\/provider\/login|scope-authorize-confirm|\/app\.html/);
      if (/\/provider\/login/.test(page.url())) {
        await page.getByLabel('Username').fill(STAFF.username);
        await page.getByLabel('Password').fill(STAFF.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
      }
      await page.waitForURL(/scope-authorize-confirm|\/app\.html/);
      if (/scope-authorize-confirm/.test(page.url())) {
        await shot(page, '10-consent');
        await page.getByRole('button', { name: 'Allow' }).click();
      }
      await page.waitForURL(`${app.url}/app.html**`);
      await page.waitForSelector('body[data-state="ready"], body[data-state="error"]');
      await shot(page, '11-smart-app');
      const context = await page.locator('#context').textContent();
      assert.equal(await page.locator('body').getAttribute('data-state'), 'ready', context);
      assert.equal(await page.locator('#patient').textContent(), patientId);
      assert.match(await page.locator('#name').textContent(), /Belford/);
      assert.ok(Number(await page.locator('#vitals').textContent()) > 0, 'the app read vital signs');
      const tc = JSON.parse(context);
      assert.equal(tc.patient, patientId);
      assert.equal(tc.need_patient_banner, false);
      assert.match(tc.fhirUser, /^(Practitioner|Person)\//);
      await page.getByRole('button', { name: 'Read again' }).click();
      await page.locator('#again', { hasText: 'ok' }).waitFor();

      // Revoke every token of the app: its next call fails at once.
      const admin = await ctx.newPage();
      await admin.goto(`${ADMIN}/clients`);
      await rowOf(admin, clientId).getByRole('button', { name: 'Revoke all tokens' }).click();
      await admin.getByRole('status').waitFor();
      await shot(admin, '12-revoked');
      await page.locator('#again').evaluate((e) => { e.textContent = ''; });
      await page.getByRole('button', { name: 'Read again' }).click();
      await page.locator('#again', { hasText: /ok|failed/ }).waitFor();
      assert.match(await page.locator('#again').textContent(), /failed: 401/);
      await shot(page, '13-smart-app-after-revoke');

      // Audit: the launch and the revocation are in the security events.
      await admin.goto(`${ADMIN}/audit`);
      await shot(admin, '14-audit');
    } finally {
      await browser.close();
      app.server.close();
    }
  });
