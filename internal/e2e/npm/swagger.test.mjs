// Swagger UI at /swagger/ in a real browser: a clinician signs in through
// the Authorize dialog (OAuth2 authorization code with PKCE against goemr's
// own authorization server, in a popup that comes back through
// /swagger/oauth2-redirect.html), then "Try it out" calls a protected
// Standard API route with the token. The page runs under a strict
// Content-Security-Policy, so the test also fails on any console error,
// CSP violations included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOEMR_URL, ISSUER, STAFF, TOKEN_URL, register } from './browser.mjs';
import { haveChromium, launch } from './chromium.mjs';

const UI = `${GOEMR_URL}/swagger/`;
const REDIRECT = `${UI}oauth2-redirect.html`;
const SCHEME = 'openemr_auth';
const OPERATION = '#operations-standard-get_api_patient'; // tag "standard", operationId get_api_patient
const API_URL = `${GOEMR_URL}/apis/default/api/patient`;
const WAIT = 30_000;

// staffScopes are the scopes the Authorize dialog preselects (openid,
// api:oemr and every user/ scope of the document): a client registered
// with fewer would be refused them at the authorization endpoint.
async function staffScopes() {
  const resp = await fetch(`${UI}openapi.json`);
  assert.equal(resp.status, 200);
  const doc = await resp.json();
  const all = Object.keys(doc.components.securitySchemes[SCHEME].flows.authorizationCode.scopes);
  return ['openid', 'api:oemr', ...all.filter((s) => s.startsWith('user/')).sort()];
}

// The icon Chromium asks for by itself on pages that name none (goemr's
// sign-in pages): goemr serves none, and no page refers to it.
const FAVICON = `${GOEMR_URL}/favicon.ico`;

// watch records what would show in the developer console of page: console
// errors, uncaught exceptions and CSP violations (reported by an init
// script, so they are caught even when Chromium prints nothing for them).
function watch(page, errors) {
  const where = () => page.url();
  page.on('console', (m) => {
    if (m.type() !== 'error' || m.location().url === FAVICON) return;
    errors.push(`${where()}: console: ${m.text()} (${m.location().url || 'no source'})`);
  });
  page.on('pageerror', (e) => errors.push(`${where()}: uncaught: ${e.message}`));
}

test('Swagger UI signs in with goemr and calls the API with the token', { skip: !haveChromium && 'no Chromium', timeout: 2 * WAIT }, async () => {
  const scopes = await staffScopes();
  // Swagger UI sends client_id and client_secret in the token request body
  // unless useBasicAuthenticationWithAccessCodeGrant is set.
  const app = await register({
    application_type: 'private', client_name: 'Swagger UI', redirect_uris: [REDIRECT],
    token_endpoint_auth_method: 'client_secret_post', scope: scopes.join(' '),
  });
  assert.ok(app.client_secret, 'a confidential client gets a secret');

  const browser = await launch();
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(WAIT);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
      });
    });
    let authorizeURL;
    context.on('request', (r) => { if (r.url().startsWith(`${ISSUER}/authorize?`)) authorizeURL = new URL(r.url()); });
    const errors = [];
    context.on('page', (p) => watch(p, errors)); // the popup too, from its first request
    const page = await context.newPage();

    await page.goto(UI);
    await page.locator(`${OPERATION} .opblock-summary`).waitFor();

    // The Authorize dialog, with the scopes the page preselects.
    await page.locator('.auth-wrapper .btn.authorize').click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    const auth = dialog.locator('.auth-container').filter({ hasText: SCHEME });
    await auth.waitFor();
    for (const s of ['api:oemr', 'user/patient.s']) {
      assert.ok(await auth.locator(`input[type="checkbox"][data-value="${s}"]`).isChecked(), `${s} is not preselected`);
    }
    await auth.locator('input[data-name="clientId"]').fill(app.client_id);
    await auth.locator('input[data-name="clientSecret"]').fill(app.client_secret);

    // goemr's sign-in and consent pages open in a popup.
    const popupOpened = page.waitForEvent('popup');
    await auth.locator('button.btn.modal-btn.auth.authorize').click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/provider\/login/);
    assert.ok(authorizeURL, 'the popup did not start at the authorization endpoint');
    assert.equal(authorizeURL.searchParams.get('redirect_uri'), REDIRECT);
    assert.equal(authorizeURL.searchParams.get('code_challenge_method'), 'S256');
    assert.match(await popup.title(), /Sign in/);
    await popup.getByLabel('Username').fill(STAFF.username);
    await popup.getByLabel('Password').fill(STAFF.password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.waitForURL(/scope-authorize-confirm/);

    // Allowing sends the popup to oauth2-redirect.html, which hands the
    // code to the page and closes; the page then redeems it.
    const tokenAnswer = page.waitForResponse((r) => r.url() === TOKEN_URL && r.request().method() === 'POST');
    const popupClosed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popupClosed;
    const tokenResp = await tokenAnswer;
    const tok = await tokenResp.json();
    assert.equal(tokenResp.status(), 200, JSON.stringify(tok));
    const granted = tok.scope.split(' ');
    for (const s of ['api:oemr', 'user/patient.s']) assert.ok(granted.includes(s), `${s} not granted: ${tok.scope}`);

    const logout = auth.locator('button', { hasText: 'Logout' });
    const failed = auth.locator('.errors');
    await logout.or(failed).first().waitFor();
    assert.ok(await logout.isVisible(), `the dialog shows no signed-in state: ${await failed.allInnerTexts()}`);
    await dialog.locator('button.btn-done').click();
    await dialog.waitFor({ state: 'detached' });

    // Try it out on a protected route.
    const op = page.locator(OPERATION);
    await op.locator('.opblock-summary').click();
    await op.locator('.try-out__btn').click();
    const apiCall = page.waitForRequest((r) => r.url().startsWith(API_URL));
    const apiAnswer = page.waitForResponse((r) => r.url().startsWith(API_URL));
    await op.locator('.execute').click();
    const req = await apiCall;
    assert.equal(req.headers().authorization, `Bearer ${tok.access_token}`);
    assert.equal((await apiAnswer).status(), 200);

    // The live response as the page shows it (the header row has the same
    // class names, hence tr.response).
    const live = op.locator('.responses-wrapper .live-responses-table tr.response');
    assert.equal((await live.locator('.response-col_status').innerText()).trim(), '200');
    const body = await live.locator('.response-col_description pre').first().innerText();
    assert.match(body, /"data"/);

    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
