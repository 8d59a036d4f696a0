// The authorization pages in a real browser: headless Chromium (Debian's
// package) driven by playwright-core clicks through sign-in, the patient
// picker and consent, the way a clinician would, and the app receives a code
// it can redeem. Skipped when Chromium is absent, unless
// GOEMR_REQUIRE_BROWSER=1 (CI), which makes that a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { ISSUER, FHIR_BASE, TOKEN_URL, register } from './browser.mjs';
import { haveChromium, launch } from './chromium.mjs';

const CALLBACK = 'http://127.0.0.1:1/callback';

test('a clinician signs in, picks a patient and consents in Chromium', { skip: !haveChromium && 'no Chromium' }, async () => {
  const scope = 'openid fhirUser launch/patient patient/Patient.rs patient/Observation.rs patient/Condition.rs';
  const app = await register({ client_name: 'Chromium app', redirect_uris: [CALLBACK], scope });
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = `${ISSUER}/authorize?` + new URLSearchParams({
    response_type: 'code', client_id: app.client_id, redirect_uri: CALLBACK, scope, state: 'chromium-state',
    aud: FHIR_BASE, code_challenge: challenge, code_challenge_method: 'S256',
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // The app's redirect URI is not served: stop the browser there and keep the URL.
    let landed;
    await page.route('http://127.0.0.1:1/**', (route) => { landed = new URL(route.request().url()); route.abort(); });
    await page.goto(authorize);
    assert.match(await page.title(), /Sign in/);
    // A wrong password shows an error on the same form.
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill('pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/patient-select/);
    await page.locator('input[name="patient_id"]').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/scope-authorize-confirm/);
    assert.match(await page.content(), /Allow access/);
    await page.locator('input[type="checkbox"][value="patient/Observation.rs"]').uncheck();
    await page.getByRole('button', { name: 'Allow' }).click();
    for (let i = 0; i < 100 && !landed; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(landed, 'the browser never reached the app redirect URI');
    assert.equal(landed.searchParams.get('state'), 'chromium-state');
    const code = landed.searchParams.get('code');
    assert.ok(code);
    const resp = await fetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: app.client_id, code, redirect_uri: CALLBACK, code_verifier: verifier }),
    });
    const tok = await resp.json();
    assert.equal(resp.status, 200, JSON.stringify(tok));
    assert.ok(!tok.scope.split(' ').includes('patient/Observation.rs'), `unticked scope granted: ${tok.scope}`);
    assert.ok(tok.scope.split(' ').includes('patient/Condition.rs'));
    assert.ok(tok.patient);
  } finally {
    await browser.close();
  }
});
