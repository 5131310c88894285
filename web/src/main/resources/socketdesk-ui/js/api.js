// HTTP calls to the SocketDesk server. Every failure becomes an Error with the server's one-line
// message (or, for an error code the page knows, its own words for it) and the JSON as err.json.
import { t, serverText } from './i18n.js';

const token = new URLSearchParams(location.search).get('token');

function headers(extra) {
  const h = { ...extra };
  if (token) h['X-SocketDesk-Token'] = token;
  return h;
}

async function request(method, path, body, raw) {
  try {
    return await fetch(path, {
      method,
      headers: headers(raw ? { 'Content-Type': 'application/octet-stream' } : body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      body: raw ? body : body !== undefined ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
    });
  } catch (e) {
    const err = new Error(t('unreachable'));
    err.unreachable = true;
    throw err;
  }
}

async function failure(res) {
  let json = null;
  try { json = await res.json(); } catch (e) { json = null; }
  // The message is worded in the page's language now; say(err) re-words it after a switch.
  const err = new Error(serverText(json, res.status));
  err.json = json;
  err.status = res.status;
  err.field = json && json.field;
  return err;
}

async function call(method, path, body, raw) {
  const res = await request(method, path, body, raw);
  if (!res.ok) throw await failure(res);
  let json = null;
  try { json = await res.json(); } catch (e) { json = null; }
  return json;
}

/** Fetches a file the server makes (a download) as a Blob; a refusal throws its one line. */
async function file(path) {
  const res = await request('GET', path);
  if (!res.ok) throw await failure(res);
  return res.blob();
}

export const api = {
  get: (p) => call('GET', p),
  post: (p, b) => call('POST', p, b === undefined ? {} : b),
  put: (p, b) => call('PUT', p, b),
  del: (p) => call('DELETE', p),
  upload: (p, blob) => call('POST', p, blob, true),
  file,
};

/** A link to an API path that the browser follows itself (a download), with the token. */
export function href(path) {
  return token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : path;
}

export function socketUrl() {
  const u = new URL('/ws', location.href);
  u.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  u.search = token ? `?token=${encodeURIComponent(token)}` : '';
  return u.toString();
}
