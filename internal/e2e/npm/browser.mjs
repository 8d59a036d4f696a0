// Shared helpers of the npm client tests: the goemr URLs, a small
// cookie-keeping "browser" that walks goemr's login, patient-picker and
// consent pages the way a person would, and client registration.
//
// The browser follows redirects itself (fetch with redirect: "manual") so
// that it can stop at the app's redirect URI, exactly where a real browser
// would hand the authorization response back to the app.

export const GOEMR_URL = (process.env.GOEMR_URL || '').replace(/\/+$/, '');
if (!GOEMR_URL) {
  throw new Error('GOEMR_URL must be the base URL of a running goemr (e.g. http://127.0.0.1:8300)');
}
export const ISSUER = `${GOEMR_URL}/oauth2/default`;
export const FHIR_BASE = `${GOEMR_URL}/apis/default/fhir`;
export const TOKEN_URL = `${ISSUER}/token`;
export const USERINFO_URL = `${ISSUER}/userinfo`;

// The demo accounts.
export const STAFF = { role: 'users', username: 'admin', password: 'pass', email: '' };
export const PATIENT = { role: 'patient', username: 'Phil1', password: 'phil', email: 'heya@invalid.email.com' };

function htmlUnescape(s) {
  return s
    .replace(/&#43;/g, '+')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// A page as the browser saw it.
export class Page {
  constructor(url, status, headers, body) {
    this.url = new URL(url);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  // The POST form of the page: its action and CSRF token.
  form() {
    const action = /<form method="post" action="([^"]+)"/.exec(this.body);
    const csrf = /name="csrf_token_form" value="([^"]+)"/.exec(this.body);
    if (!action || !csrf) {
      throw new Error(`no form on ${this.url} (status ${this.status}):\n${this.body}`);
    }
    return { action: htmlUnescape(action[1]), csrf: htmlUnescape(csrf[1]) };
  }

  // The <input> elements of the page, each as {type, name, value, checked}.
  inputs() {
    return [...this.body.matchAll(/<input\b([^>]*)>/g)].map((m) => {
      const attrs = {};
      for (const a of m[1].matchAll(/([a-zA-Z_-]+)(?:="([^"]*)")?/g)) {
        attrs[a[1].toLowerCase()] = a[2] === undefined ? '' : htmlUnescape(a[2]);
      }
      return {
        type: (attrs.type ?? 'text').toLowerCase(),
        name: attrs.name,
        value: attrs.value ?? '',
        checked: 'checked' in attrs,
      };
    });
  }

  // The values of every input named name (offered choices included).
  values(name) {
    return this.inputs().filter((i) => i.name === name).map((i) => i.value);
  }

  // The values a browser submits for inputs named name when the user
  // changes nothing: hidden and text fields, and boxes ticked by default.
  submitted(name) {
    return this.inputs()
      .filter((i) => i.name === name && (!['checkbox', 'radio'].includes(i.type) || i.checked))
      .map((i) => i.value);
  }
}

// Browser keeps cookies per host and path (RFC 6265, simplified to what
// the tests need: host-only cookies, Path, Max-Age deletion) and follows
// redirects until it reaches a URL that starts with stopAt.
export class Browser {
  constructor() {
    this.cookies = new Map(); // `${host}|${path}|${name}` -> {host, path, name, value}
  }

  store(url, setCookies) {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const a of attrs) {
        const [k, v = ''] = a.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      }
      const key = `${url.host}|${path}|${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { host: url.host, path, name, value });
    }
  }

  header(url) {
    const out = [];
    for (const c of this.cookies.values()) {
      if (c.host === url.host && url.pathname.startsWith(c.path)) out.push(`${c.name}=${c.value}`);
    }
    return out.join('; ');
  }

  // request performs one HTTP exchange and returns a Page (no redirects).
  async request(url, init = {}) {
    url = new URL(url);
    const headers = new Headers(init.headers || {});
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const resp = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(url, resp.headers.getSetCookie());
    return new Page(url, resp.status, resp.headers, await resp.text());
  }

  // navigate loads url and follows redirects like a browser (303 and 302
  // become GET). It stops at the first redirect to a URL starting with
  // stopAt and returns {page, redirect}; redirect is that URL.
  async navigate(url, init = {}, stopAt = undefined) {
    for (let hops = 0; hops < 10; hops++) {
      const page = await this.request(url, init);
      const loc = page.headers.get('location');
      if (page.status < 300 || page.status > 399 || !loc) return { page };
      const next = new URL(loc, page.url);
      if (stopAt && next.href.startsWith(stopAt)) return { page, redirect: next };
      url = next;
      init = {};
    }
    throw new Error(`too many redirects from ${url}`);
  }

  submit(action, fields, stopAt) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const one of [].concat(v)) body.append(k, one);
    }
    return this.navigate(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    }, stopAt);
  }

  // authorize walks goemr's pages from an authorization URL: sign in as
  // who, pick the first patient when the picker is shown, and allow on the
  // consent page what it ticks by default (less the scopes in untick). It
  // returns the URL the
  // server redirected the browser to (the app's redirect URI with code and
  // state) and the pages it saw on the way.
  async authorize(authURL, who, { stopAt, untick = [] } = {}) {
    const seen = [];
    let { page, redirect } = await this.navigate(authURL, {}, stopAt);
    if (redirect) return { redirect, seen };
    seen.push(page.url.pathname);
    if (!page.url.pathname.endsWith('/provider/login')) {
      throw new Error(`expected the login page, got ${page.url} (${page.status}):\n${page.body}`);
    }
    let { action, csrf } = page.form();
    ({ page, redirect } = await this.submit(action, {
      csrf_token_form: csrf,
      user_role: who.role,
      username: who.username,
      password: who.password,
      email: who.email,
    }, stopAt));
    if (redirect) return { redirect, seen };
    seen.push(page.url.pathname);
    if (page.url.pathname.endsWith('/smart/patient-select')) {
      ({ action, csrf } = page.form());
      const ids = page.values('patient_id');
      if (ids.length === 0) throw new Error(`the patient picker lists no patient:\n${page.body}`);
      ({ page, redirect } = await this.submit(action, { csrf_token_form: csrf, patient_id: ids[0] }, stopAt));
      if (redirect) return { redirect, seen };
      seen.push(page.url.pathname);
    }
    if (!page.url.pathname.endsWith('/scope-authorize-confirm')) {
      throw new Error(`expected the consent page, got ${page.url} (${page.status}):\n${page.body}`);
    }
    ({ action, csrf } = page.form());
    const scopes = page.submitted('scope').filter((s) => !untick.includes(s));
    ({ page, redirect } = await this.submit(action, { csrf_token_form: csrf, proceed: 'allow', scope: scopes }, stopAt));
    if (!redirect) {
      throw new Error(`consent did not redirect to the app: ${page.status} ${page.body}`);
    }
    return { redirect, seen };
  }
}

// register posts RFC 7591 client metadata to goemr and returns the answer.
export async function register(meta) {
  const resp = await fetch(`${ISSUER}/registration`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(meta),
  });
  const body = await resp.json();
  if (resp.status !== 201) {
    throw new Error(`registration: ${resp.status} ${JSON.stringify(body)}`);
  }
  return body;
}

// userinfo calls the UserInfo endpoint, goemr's protected resource
// until the FHIR resource endpoints exist, and returns status and headers.
export async function userinfo(accessToken) {
  const resp = await fetch(USERINFO_URL, { headers: { authorization: `Bearer ${accessToken}` } });
  const text = await resp.text();
  return { status: resp.status, headers: resp.headers, body: text ? JSON.parse(text) : undefined };
}

// decodeJwt returns the (unverified) payload of a JWT.
export function decodeJwt(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
}
