// goemr's authorization server driven by openid-client v6 (panva), a
// certified OpenID Connect Relying Party library: discovery, dynamic
// registration of confidential private_key_jwt clients, authorization code
// with PKCE S256 through the real login/patient-picker/consent pages, ID
// token and UserInfo, refresh, introspection, revocation and SMART Backend
// Services (client_credentials).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';

import { Browser, FHIR_BASE, ISSUER, STAFF, TOKEN_URL, decodeJwt, userinfo } from './browser.mjs';

// goemr runs on plain HTTP on loopback in the tests.
const insecure = { execute: [client.allowInsecureRequests] };
const issuer = new URL(ISSUER);

// Nothing listens on the redirect URI: the browser stops at the redirect
// and the test hands its URL to openid-client, as an app's callback would.
const REDIRECT_URI = 'http://127.0.0.1:1/callback';
const APP_SCOPE = 'openid fhirUser offline_access launch/patient patient/Patient.rs';

// SMART App Launch and SMART Backend Services want the client assertion's
// aud to be the token endpoint URL; openid-client uses the issuer
// identifier by default. The SMART value is what SMART apps send, so the
// flows below use it; the issuer identifier is tested on its own at the end.
const smartAudience = {
  [client.modifyAssertion](header, payload) {
    payload.aud = TOKEN_URL;
  },
};

// keyPair makes a non-extractable private key and the public JWKS to
// register (alg RS384 or ES384, the two SMART requires).
async function keyPair(alg, kid) {
  const params = alg === 'RS384'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' }
    : { name: 'ECDSA', namedCurve: 'P-384' };
  const { privateKey, publicKey } = await crypto.subtle.generateKey(params, false, ['sign', 'verify']);
  const { key_ops, ext, ...jwk } = await crypto.subtle.exportKey('jwk', publicKey);
  return { privateKey: { key: privateKey, kid }, jwks: { keys: [{ ...jwk, kid, alg, use: 'sig' }] } };
}

// rejects waits for promise to fail and returns the error.
async function failure(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail, it succeeded');
}

describe('openid-client: discovery', () => {
  it('discovers the issuer and its endpoints', async () => {
    const config = await client.discovery(issuer, 'discovery-only', undefined, client.None(), insecure);
    const as = config.serverMetadata();
    assert.equal(as.issuer, ISSUER);
    for (const ep of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint',
      'registration_endpoint', 'introspection_endpoint', 'revocation_endpoint', 'end_session_endpoint']) {
      assert.ok(as[ep]?.startsWith(`${ISSUER}/`), `${ep} = ${as[ep]}`);
    }
    assert.equal(as.token_endpoint, TOKEN_URL);
    assert.ok(as.supportsPKCE('S256'), 'S256 PKCE advertised');
    assert.ok(as.token_endpoint_auth_methods_supported.includes('private_key_jwt'));
    for (const alg of ['RS384', 'ES384']) {
      assert.ok(as.token_endpoint_auth_signing_alg_values_supported.includes(alg), `${alg} advertised`);
    }
    assert.ok(as.grant_types_supported.includes('client_credentials'));
  });

  it('serves the same issuer in the FHIR base smart-configuration', async () => {
    const resp = await fetch(`${FHIR_BASE}/.well-known/smart-configuration`);
    assert.equal(resp.status, 200);
    const smart = await resp.json();
    assert.equal(smart.issuer, ISSUER);
    assert.equal(smart.token_endpoint, TOKEN_URL);
    assert.ok(smart.capabilities.includes('client-confidential-asymmetric'));
  });
});

describe('openid-client: confidential app, private_key_jwt (RS384), authorization code + PKCE', () => {
  let config;
  let clientID;
  let tokens;
  let claims;
  let refreshed;

  before(async () => {
    const { privateKey, jwks } = await keyPair('RS384', 'app-key-1');
    config = await client.dynamicClientRegistration(issuer, {
      application_type: 'private', // goemr's (OpenEMR's) name for a confidential client
      client_name: 'openid-client confidential app',
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks,
      scope: APP_SCOPE,
    }, client.PrivateKeyJwt(privateKey, smartAudience), insecure);
    clientID = config.clientMetadata().client_id;
    // Verify the ID token's signature against the published JWKS too.
    client.enableNonRepudiationChecks(config);
  });

  it('registered the client as private_key_jwt with its JWKS', () => {
    const meta = config.clientMetadata();
    assert.ok(clientID);
    assert.equal(meta.token_endpoint_auth_method, 'private_key_jwt');
    assert.equal(meta.jwks.keys[0].kid, 'app-key-1');
    assert.equal(meta.enabled, true, 'demo mode enables registered clients at once');
  });

  it('gets a code through the real pages and exchanges it with PKCE and a signed assertion', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authURL = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: APP_SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      aud: FHIR_BASE,
    });
    assert.equal(authURL.origin + authURL.pathname, `${ISSUER}/authorize`);

    const { redirect, seen } = await new Browser().authorize(authURL, STAFF, { stopAt: REDIRECT_URI });
    assert.deepEqual(seen, ['/oauth2/default/provider/login', '/oauth2/default/smart/patient-select',
      '/oauth2/default/scope-authorize-confirm']);
    assert.equal(redirect.searchParams.get('state'), state);
    assert.ok(redirect.searchParams.get('code'));

    tokens = await client.authorizationCodeGrant(config, redirect, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    assert.ok(tokens.access_token);
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.ok(tokens.refresh_token, 'offline_access gives a refresh token');
    assert.ok(tokens.expiresIn() > 0);
    assert.deepEqual(tokens.scope.split(' ').sort(), APP_SCOPE.split(' ').sort());
    assert.ok(tokens.patient, 'launch/patient gives the chosen patient');
    assert.equal(tokens.need_patient_banner, true);

    claims = tokens.claims();
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.aud, clientID);
    assert.equal(claims.nonce, nonce);
    assert.ok(claims.sub);
    assert.match(claims.fhirUser, new RegExp(`^${FHIR_BASE}/(Practitioner|Person)/[^/]+$`),
      'a staff user is a Practitioner (or Person) under the FHIR base');

    // The access token is a JWT for this client and patient.
    const at = decodeJwt(tokens.access_token);
    assert.equal(at.iss, ISSUER);
    assert.equal(at.client_id, clientID);
    assert.equal(at.patient, tokens.patient);
  });

  it('reads UserInfo with the access token', async () => {
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(info.sub, claims.sub);
    assert.equal(info.fhirUser, claims.fhirUser);
  });

  it('refreshes: the refresh token rotates and a fresh ID token comes back', async () => {
    refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    assert.ok(refreshed.access_token);
    assert.notEqual(refreshed.access_token, tokens.access_token);
    assert.ok(refreshed.refresh_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    assert.equal(refreshed.patient, tokens.patient);
    const again = refreshed.claims();
    assert.equal(again.sub, claims.sub);
    assert.equal(again.aud, clientID);
    const info = await client.fetchUserInfo(config, refreshed.access_token, claims.sub);
    assert.equal(info.sub, claims.sub);
  });

  it('introspects the access and refresh tokens as active', async () => {
    const at = await client.tokenIntrospection(config, refreshed.access_token);
    assert.equal(at.active, true);
    assert.equal(at.client_id, clientID);
    assert.equal(at.sub, claims.sub);
    assert.equal(at.patient, tokens.patient);
    assert.equal(at.iss, ISSUER);
    assert.ok(at.scope.split(' ').includes('patient/Patient.rs'));
    assert.ok(at.exp > Date.now() / 1000);

    const rt = await client.tokenIntrospection(config, refreshed.refresh_token, { token_type_hint: 'refresh_token' });
    assert.equal(rt.active, true);
    assert.equal(rt.client_id, clientID);
  });

  it('revokes the access token: introspection says inactive and UserInfo answers 401', async () => {
    await client.tokenRevocation(config, refreshed.access_token);
    const at = await client.tokenIntrospection(config, refreshed.access_token);
    assert.equal(at.active, false);

    const raw = await userinfo(refreshed.access_token);
    assert.equal(raw.status, 401);
    assert.match(raw.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/);
    const err = await failure(client.fetchUserInfo(config, refreshed.access_token, claims.sub));
    assert.equal(err.status, 401, `fetchUserInfo error: ${err}`);
  });

  it('revokes the refresh token: its grant ends and it no longer refreshes', async () => {
    await client.tokenRevocation(config, refreshed.refresh_token, { token_type_hint: 'refresh_token' });
    const rt = await client.tokenIntrospection(config, refreshed.refresh_token, { token_type_hint: 'refresh_token' });
    assert.equal(rt.active, false);
    const err = await failure(client.refreshTokenGrant(config, refreshed.refresh_token));
    assert.equal(err.error, 'invalid_grant', `refresh error: ${err}`);
  });
});

describe('openid-client: SMART Backend Services (client_credentials, ES384)', () => {
  let privateKey;
  let clientID;

  before(async () => {
    let jwks;
    ({ privateKey, jwks } = await keyPair('ES384', 'backend-key-1'));
    const config = await client.dynamicClientRegistration(issuer, {
      application_type: 'private',
      client_name: 'openid-client backend service',
      redirect_uris: ['https://backend.example.org/unused'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks,
      scope: 'system/Patient.rs',
    }, client.PrivateKeyJwt(privateKey, smartAudience), insecure);
    clientID = config.clientMetadata().client_id;
  });

  it('gets a system token with a signed assertion (aud = token endpoint)', async () => {
    const config = await client.discovery(issuer, clientID, undefined, client.PrivateKeyJwt(privateKey, smartAudience), insecure);
    const tok = await client.clientCredentialsGrant(config, { scope: 'system/Patient.rs' });
    assert.ok(tok.access_token);
    assert.equal(tok.token_type.toLowerCase(), 'bearer');
    assert.equal(tok.scope, 'system/Patient.rs');
    assert.equal(tok.refresh_token, undefined, 'client_credentials never returns a refresh token');
    assert.equal(tok.id_token, undefined);
    assert.ok(tok.expiresIn() > 0 && tok.expiresIn() <= 300, `system token lives ${tok.expiresIn()}s, at most 5 minutes`);

    const info = await client.tokenIntrospection(config, tok.access_token);
    assert.equal(info.active, true);
    assert.equal(info.client_id, clientID);
    assert.equal(info.scope, 'system/Patient.rs');

    // A scope the client was not registered for is refused.
    const err = await failure(client.clientCredentialsGrant(config, { scope: 'system/Observation.rs' }));
    assert.equal(err.error, 'invalid_scope', `error: ${err}`);
  });

  // openid-client's default client assertion names the authorization
  // server by its issuer identifier (aud = issuer). RFC 7523 §3 accepts any
  // value that identifies the authorization server; OpenID Connect Core §9
  // (errata) and RFC 9126 §2 say the issuer identifier SHOULD be used and
  // the server MUST accept it alongside the token endpoint URL.
  it("accepts openid-client's default assertion (aud = issuer identifier)", async () => {
    const config = await client.discovery(issuer, clientID, undefined, client.PrivateKeyJwt(privateKey), insecure);
    let tok;
    try {
      tok = await client.clientCredentialsGrant(config, { scope: 'system/Patient.rs' });
    } catch (err) {
      assert.fail(`a client assertion with aud = "${ISSUER}" (the issuer identifier) was refused: ` +
        `${err.error ?? ''} ${err.error_description ?? err.message}`);
    }
    assert.ok(tok.access_token);
  });
});
