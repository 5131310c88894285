// HTTP calls to the SocketDesk server. Every failure becomes an Error with the server's one-line message.
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
    throw new Error('SocketDesk is not reachable; is it still running?');
  }
  let json = null;
  try { json = await res.json(); } catch (e) { json = null; }
  if (!res.ok) throw new Error(json && json.error ? json.error : `HTTP ${res.status}`);
  return json;
}

export const api = {
  get: (p) => call('GET', p),
  post: (p, b) => call('POST', p, b === undefined ? {} : b),
  put: (p, b) => call('PUT', p, b),
  del: (p) => call('DELETE', p),
  upload: (p, blob) => call('POST', p, blob, true),
};

export function socketUrl() {
  const u = new URL('/ws', location.href);
  u.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  u.search = token ? `?token=${encodeURIComponent(token)}` : '';
  return u.toString();
}
