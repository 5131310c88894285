// HTTP calls to the SocketDesk server. Every failure becomes an Error with the server's one-line
// message (or, for an error code the page knows, its own words for it) and the JSON as err.json.
import { t, serverText } from './i18n.js';

const token = new URLSearchParams(location.search).get('token');

function headers(extra) {
  const h = { ...extra };
  if (token) h['X-SocketDesk-Token'] = token;
  return h;
}

async function call(method, path, body, raw) {
  let res;
  try {
    res = await fetch(path, {
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
  let json = null;
  try { json = await res.json(); } catch (e) { json = null; }
  if (!res.ok) {
    // The message is worded in the page's language now; say(err) re-words it after a switch.
    const err = new Error(serverText(json, res.status));
    err.json = json;
    err.status = res.status;
    err.field = json && json.field;
    throw err;
  }
  return json;
}

export const api = {
  get: (p) => call('GET', p),
  post: (p, b) => call('POST', p, b === undefined ? {} : b),
  put: (p, b) => call('PUT', p, b),
  del: (p) => call('DELETE', p),
  upload: (p, blob) => call('POST', p, blob, true),
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
