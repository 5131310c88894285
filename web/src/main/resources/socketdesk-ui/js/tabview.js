// One session tab: session card, counters and chart, automatic actions, clients, receive log, send panel.
import { t, applyStatic, say, failText } from './i18n.js';
import { api, href } from './api.js';
import { LogView, MAX_LINES, formatTime, dataText, dirLabel } from './logview.js';
import { RateChart, formatBytes } from './chart.js';
import { SendPanel } from './sendpanel.js';
import { AutoPanel } from './autopanel.js';

const ENCODINGS = ['UTF-8', 'GBK', 'GB18030', 'Big5', 'ISO-8859-1', 'US-ASCII', 'UTF-16LE', 'UTF-16BE', 'Shift_JIS', 'EUC-KR', 'windows-1252'];

export function encodingOptions(select, value) {
  select.replaceChildren(...ENCODINGS.map((e) => new Option(e, e)));
  if (value && !ENCODINGS.some((e) => e.toLowerCase() === value.toLowerCase())) select.add(new Option(value, value));
  select.value = ENCODINGS.find((e) => e.toLowerCase() === String(value).toLowerCase()) || value || 'UTF-8';
}

const LAYOUT = `
<aside class="side">
  <div class="card session-card">
    <div class="sess-head"><span class="lamp" data-testid="lamp"></span><b class="sess-title"></b></div>
    <dl class="sess-info">
      <dt data-i18n="type"></dt><dd class="i-type"></dd>
      <dt class="i-local-l" data-i18n="localAddress"></dt><dd class="i-local mono" data-testid="local-address"></dd>
      <dt class="i-remote-l" data-i18n="remote"></dt><dd class="i-remote mono"></dd>
    </dl>
    <div class="serial-lines hidden" data-testid="serial-lines">
      <label class="check"><input type="checkbox" class="l-dtr" data-testid="dtr" checked><span>DTR</span></label>
      <label class="check"><input type="checkbox" class="l-rts" data-testid="rts" checked><span>RTS</span></label>
    </div>
    <div class="sess-state" data-testid="state"></div>
    <div class="error" data-testid="session-error" role="alert"></div>
    <div class="btns">
      <button type="button" class="primary b-open" data-testid="open" data-i18n="open"></button>
      <button type="button" class="b-close" data-testid="close" data-i18n="close"></button>
      <button type="button" class="ghost b-remove" data-testid="remove" data-i18n="remove"></button>
    </div>
    <div class="btns capture-btns">
      <button type="button" class="small b-record" data-testid="record" aria-pressed="false"></button>
      <a class="small button hidden a-pcap" data-testid="pcap-download" download data-i18n="downloadPcap"></a>
    </div>
  </div>
  <div class="card counters-card">
    <div class="card-head"><h2 data-i18n="counters"></h2><button type="button" class="small b-reset" data-testid="reset" data-i18n="reset"></button></div>
    <div class="counters">
      <div><span data-i18n="bytesIn"></span><b class="c-bin mono" data-testid="bytes-in">0</b></div>
      <div><span data-i18n="bytesOut"></span><b class="c-bout mono" data-testid="bytes-out">0</b></div>
      <div><span data-i18n="msgsIn"></span><b class="c-min mono" data-testid="msgs-in">0</b></div>
      <div><span data-i18n="msgsOut"></span><b class="c-mout mono" data-testid="msgs-out">0</b></div>
    </div>
    <div class="rate-head"><span data-i18n="rate"></span><span class="rate-now mono"></span></div>
    <div class="chart"></div>
  </div>
  <div class="auto-slot"></div>
</aside>
<div class="center">
  <div class="card peers-card">
    <div class="card-head"><h2 class="peers-title" data-testid="peers-title"></h2><small class="hint peers-hint" data-i18n="selectClient"></small>
      <button type="button" class="small danger b-kick-all" data-testid="disconnect-all" data-i18n="disconnectAll"></button></div>
    <div class="peers-wrap"><table class="peers" data-testid="peers">
      <thead><tr><th data-i18n="id"></th><th data-i18n="address"></th><th data-i18n="since"></th><th data-i18n="bytesIn"></th><th data-i18n="bytesOut"></th><th></th></tr></thead>
      <tbody></tbody>
    </table><div class="peers-empty hint"></div></div>
  </div>
  <div class="card log-card">
    <div class="toolbar">
      <h2 data-i18n="receive"></h2>
      <div class="seg small view-seg" data-testid="view-mode">
        <button type="button" data-mode="text" data-i18n="text" aria-pressed="true"></button>
        <button type="button" data-mode="hex" data-i18n="hex" aria-pressed="false"></button>
        <button type="button" data-mode="both" data-i18n="both" aria-pressed="false"></button>
      </div>
      <label class="inline"><span data-i18n="encoding"></span><select class="rx-enc" data-testid="rx-encoding"></select></label>
      <input type="search" class="filter" data-testid="filter" data-i18n-placeholder="filter">
      <span class="spacer"></span>
      <button type="button" class="small b-pause" data-testid="pause" aria-pressed="false"></button>
      <button type="button" class="small b-clear" data-testid="clear" data-i18n="clear"></button>
      <button type="button" class="small b-save" data-testid="save" data-i18n="save"></button>
    </div>
    <div class="log mono" data-testid="log" tabindex="0"></div>
    <div class="log-detail hidden" data-testid="log-detail"><button type="button" class="ghost small d-close" aria-label="close">×</button>
      <div class="d-meta"></div><pre class="d-text mono"></pre><pre class="d-hex mono"></pre></div>
    <div class="log-foot"><span class="dropped hint" data-testid="dropped"></span><button type="button" class="small ghost b-load hidden" data-testid="load-dropped" data-i18n="loadDropped"></button><span class="spacer"></span><button type="button" class="small b-follow hidden" data-testid="follow"></button><a class="small button a-jsonl" data-testid="export-jsonl" download data-i18n="exportJsonl"></a><a class="small button a-csv" data-testid="export-csv" download data-i18n="exportCsv"></a><a class="small button a-test" data-testid="save-as-test" download data-i18n="saveAsTest" data-i18n-title="saveAsTestHint"></a></div>
  </div>
  <div class="send-slot"></div>
</div>`;

/** A line to show: every line but the empty end of a stream that had no incomplete character. */
// Hands the blob to the browser as a download with that file name.
function saveBlob(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function visibleLine(l) { return !(l.k === 'held' && !l.x); }

export class TabView {
  constructor(app, snap) {
    this.app = app;
    this.id = snap.id;
    this.meta = {};
    this.peers = [];
    this.lastSeq = 0;
    this.el = document.createElement('section');
    this.el.className = 'tabview hidden';
    this.el.dataset.testid = `tab-${this.id}`;
    this.el.innerHTML = LAYOUT;
    this.$ = (sel) => this.el.querySelector(sel);
    this.log = new LogView(this.$('.log'), () => this.renderLogFoot(), (line) => this.showDetail(line));
    this.chart = new RateChart(this.$('.chart'));
    this.send = new SendPanel(this, this.$('.send-slot'));
    this.auto = new AutoPanel(this, this.$('.auto-slot'));
    encodingOptions(this.$('.rx-enc'), 'UTF-8');
    this.wire();
    this.applySnapshot(snap);
    if (snap.auto) this.auto.load(snap.auto);
    this.relabel();
  }

  api(path) { return `/api/sessions/${this.id}${path}`; }

  wire() {
    this.$('.b-open').onclick = () => this.action(() => api.post(this.api('/open')));
    this.$('.b-close').onclick = () => this.action(() => api.post(this.api('/close')));
    for (const line of ['dtr', 'rts']) {
      const box = this.$(`.l-${line}`);
      box.onchange = () => this.action(() => api.post(this.api('/lines'), { line, on: box.checked }));
    }
    this.$('.b-record').onclick = () => this.action(() => (this.meta.capture && this.meta.capture.on
      ? api.del(this.api('/capture')) : api.post(this.api('/capture'))));
    this.$('.a-pcap').href = href(this.api('/capture.pcap'));
    this.$('.a-jsonl').href = href(this.api('/log.jsonl'));
    this.$('.a-csv').href = href(this.api('/log.csv'));
    this.$('.a-test').href = href(this.api('/test.yaml'));
    // Fetched rather than followed, so that a log no script can be made from says why here.
    this.$('.a-test').onclick = (e) => {
      e.preventDefault();
      this.action(async () => saveBlob(await api.file(this.api('/test.yaml')), `session-${this.id}.yaml`));
    };
    this.$('.b-remove').onclick = () => {
      if (this.live() && !window.confirm(t('confirmRemove', this.title()))) return;
      this.action(() => api.del(this.api('')));
    };
    this.$('.b-kick-all').onclick = () => this.action(() => api.post(this.api('/peers/disconnect')));
    this.$('.b-load').onclick = () => this.loadDropped();
    this.$('.b-reset').onclick = () => this.action(() => api.post(this.api('/reset')));
    this.$('.view-seg').addEventListener('click', (e) => {
      const mode = e.target.dataset.mode;
      if (!mode) return;
      this.$('.view-seg').querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === e.target)));
      this.log.setMode(mode);
    });
    this.$('.rx-enc').onchange = (e) => this.action(() => api.put(this.api('/display'), { encoding: e.target.value }));
    let filterTimer = 0;
    this.$('.filter').oninput = (e) => { clearTimeout(filterTimer); filterTimer = setTimeout(() => this.log.setFilter(e.target.value), 150); };
    this.$('.b-pause').onclick = () => {
      const paused = !this.log.paused;
      this.log.setPaused(paused);
      this.$('.b-pause').setAttribute('aria-pressed', String(paused));
      this.$('.b-pause').textContent = paused ? t('resume') : t('pause');
    };
    this.$('.b-clear').onclick = () => { this.log.clear(); this.action(() => api.post(this.api('/clear'))); };
    this.$('.b-save').onclick = () => this.saveLog();
    this.$('.b-follow').onclick = () => this.log.scrollToEnd();
    this.$('.d-close').onclick = () => this.$('.log-detail').classList.add('hidden');
    this.$('.peers tbody').addEventListener('click', (e) => {
      const btn = e.target.closest('button[data-kick]');
      if (btn) { this.action(() => api.post(this.api(`/peers/${btn.dataset.kick}/disconnect`))); return; }
      const tr = e.target.closest('tr[data-peer]');
      if (tr) this.send.selectTarget(`peer:${tr.dataset.peer}`);
    });
  }

  /** Runs an API call; its error shows in the session card. */
  async action(fn) {
    try { await fn(); this.actionError = null; } catch (e) { this.actionError = e; }
    this.showError();
  }

  showError() {
    this.$('[data-testid=session-error]').textContent = say(this.actionError) || failText(this.meta.errorCode, this.meta.errorParams, this.meta.error) || '';
  }

  /** Open, opening or reconnecting: removing it would close connections. */
  live() {
    const state = this.meta.state || 'new';
    return state === 'open' || state === 'opening' || state === 'reconnecting';
  }

  /**
   * Fetches the lines the server still keeps and shows them in place of the page's own, keeping any
   * newer line that came in meanwhile; what the server no longer has stays not shown.
   */
  async loadDropped() {
    try {
      const r = await api.get(this.api('/log'));
      const fresh = this.log.lines.filter((l) => l.s > r.seq);
      this.log.replace(r.lines.filter(visibleLine).concat(fresh));
      this.log.dropped = 0;
      if (r.seq > this.lastSeq) this.lastSeq = r.seq;
      this.log.scrollToEnd();
      this.actionError = null;
    } catch (e) {
      this.actionError = e;
    }
    this.showError();
    this.renderLogFoot();
  }

  setActive(active) {
    this.el.classList.toggle('hidden', !active);
    this.log.setActive(active);
    if (active) this.chart.dirty = true;
  }

  applySnapshot(snap) {
    this.applyMeta(snap);
    this.log.replace((snap.lines || []).filter(visibleLine));
    this.lastSeq = snap.seq || 0;
    if (snap.counters) this.applyCounters(snap.counters);
    if (snap.peers) this.applyPeers(snap.peers);
    if (snap.encoding) encodingOptions(this.$('.rx-enc'), snap.encoding);
  }

  applyBatch(o) {
    if (o.lines && o.lines.length) {
      const fresh = [];
      for (const l of o.lines) {
        if (l.s <= this.lastSeq) continue;
        if (this.lastSeq > 0 && l.s > this.lastSeq + 1) this.log.addSkipped(l.s - this.lastSeq - 1);
        this.lastSeq = l.s;
        if (visibleLine(l)) fresh.push(l);
      }
      if (fresh.length) this.log.append(fresh);
    }
    if (o.state) this.applyMeta(o);
    if (o.counters) this.applyCounters(o.counters);
    if (o.peers) this.applyPeers(o.peers);
    if (o.rate) { this.chart.add(o.rate); this.$('.rate-now').textContent = `${t('rx')} ${formatBytes(o.rate.in)}/s · ${t('tx')} ${formatBytes(o.rate.out)}/s`; }
  }

  /** A resync after missed batches: fresh state, and the lines up to o.seq count as not shown. */
  resync(o) {
    if (o.seq > this.lastSeq) {
      if (this.lastSeq > 0) this.log.addSkipped(o.seq - this.lastSeq);
      this.lastSeq = o.seq;
    }
    this.applyMeta(o);
    if (o.counters) this.applyCounters(o.counters);
    if (o.peers) this.applyPeers(o.peers);
  }

  title() {
    const m = this.meta;
    const spec = m.spec || {};
    const port = m.local ? m.local.slice(m.local.lastIndexOf(':') + 1) : spec.localPort;
    if (spec.type === 'tcp-client') return `${t('tcpClient')} ${spec.remote}${spec.tls ? ' (TLS)' : ''}`;
    if (spec.type === 'ws-client') return `${t('wsClient')} ${spec.url}`;
    if (spec.type === 'ws-server') return `${t('wsServer')} :${port}${spec.path}${spec.tls ? ' (TLS)' : ''}`;
    if (spec.type === 'serial') return `${t('serial')} ${spec.path}`;
    if (spec.type === 'forward') return `${t('forward')} :${port} → ${spec.target}`;
    return `${spec.type === 'udp' ? 'UDP' : t('tcpServer')} :${port}${spec.tls ? ' (TLS)' : ''}`;
  }

  applyMeta(m) {
    for (const k of ['spec', 'state', 'local', 'error', 'errorCode', 'errorParams', 'encoding', 'periodic', 'capture']) if (k in m) this.meta[k] = m[k];
    const spec = this.meta.spec || {};
    this.log.listenKey = ['tcp-client', 'ws-client'].includes(spec.type) ? 'k_local' : spec.type === 'serial' ? 'k_opened' : 'k_listening';
    const state = this.meta.state || 'new';
    this.el.dataset.state = state;
    this.$('.lamp').className = `lamp ${state}`;
    this.$('.sess-title').textContent = this.title();
    const types = { 'tcp-client': t('tcpClient'), udp: 'UDP', serial: t('serial'), forward: t('forward'),
      'ws-server': t('wsServer'), 'ws-client': t('wsClient') };
    this.$('.i-type').textContent = (types[spec.type] || t('tcpServer')) + (spec.tls ? ' + TLS' : '');
    this.$('.i-local').textContent = spec.type === 'serial'
      ? `${spec.path} ${spec.baud} ${spec.dataBits}${spec.parity[0].toUpperCase()}${spec.stopBits}`
      : this.meta.local || `${spec.localHost || '*'}:${spec.localPort}`;
    this.$('.i-remote').textContent = spec.remote || spec.target || spec.url || '—';
    this.$('.serial-lines').classList.toggle('hidden', spec.type !== 'serial');
    // Scripts have no link for these: the server would answer 400 (see docs/scripts.md).
    this.$('.a-test').classList.toggle('hidden', ['ws-server', 'forward'].includes(spec.type)
      || (spec.type === 'tcp-server' && spec.tls));
    this.$('.i-remote').classList.toggle('hidden', spec.type === 'tcp-server');
    this.$('.i-remote-l').classList.toggle('hidden', spec.type === 'tcp-server');
    const stateEl = this.$('.sess-state');
    const strong = document.createElement('b');
    strong.textContent = t(`state_${state}`);
    stateEl.replaceChildren(`${t('status')}: `, strong, this.meta.periodic ? ` · ${t('periodic')} ${t('running')}` : '');
    this.showError();
    const live = this.live();
    this.$('.b-open').disabled = live || state === 'closing';
    this.$('.b-close').disabled = !live;
    const capture = this.meta.capture || {};
    const rec = this.$('.b-record');
    rec.textContent = t(capture.on ? 'stopRecording' : 'record');
    rec.setAttribute('aria-pressed', String(!!capture.on));
    rec.disabled = !capture.on && state !== 'open';
    this.$('.a-pcap').classList.toggle('hidden', !capture.file);
    this.$('.peers-card').classList.toggle('hidden', ['tcp-client', 'serial', 'ws-client'].includes(spec.type));
    this.send.applyMeta(this.meta);
    this.app.updateTabHeader(this);
  }

  applyCounters(c) {
    this.counters = c;
    this.$('.c-bin').textContent = c.bytesIn.toLocaleString();
    this.$('.c-bout').textContent = c.bytesOut.toLocaleString();
    this.$('.c-min').textContent = c.messagesIn.toLocaleString();
    this.$('.c-mout').textContent = c.messagesOut.toLocaleString();
  }

  applyPeers(peers) {
    this.peers = peers;
    const server = ['tcp-server', 'ws-server'].includes((this.meta.spec || {}).type);
    const selected = this.send.target();
    const rows = peers.map((p) => {
      const tr = document.createElement('tr');
      tr.dataset.peer = p.id;
      if (selected === `peer:${p.id}`) tr.className = 'selected';
      const cells = [`#${p.id}`, p.address, formatTime(p.since), p.counters.bytesIn.toLocaleString(), p.counters.bytesOut.toLocaleString()];
      for (const c of cells) { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); }
      const td = document.createElement('td');
      if (server) {
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'small danger'; b.dataset.kick = p.id; b.textContent = t('disconnect');
        td.appendChild(b);
      }
      tr.appendChild(td);
      return tr;
    });
    this.$('.peers tbody').replaceChildren(...rows);
    this.$('.peers-empty').textContent = peers.length ? '' : server ? t('noClients') : t('noPeers');
    const clients = server || (this.meta.spec || {}).type === 'forward';
    this.$('.peers-title').textContent = t(clients ? 'clientsCount' : 'peersUdpCount', peers.length.toLocaleString());
    this.$('.b-kick-all').classList.toggle('hidden', !server);
    this.$('.b-kick-all').disabled = peers.length === 0;
    this.send.updateTargets(peers, server);
  }

  renderLogFoot() {
    const d = this.log.dropped;
    this.$('.dropped').textContent = d > 0 ? t('linesDropped', d.toLocaleString(), MAX_LINES.toLocaleString()) : '';
    this.$('.b-load').classList.toggle('hidden', d === 0);
    const follow = this.$('.b-follow');
    follow.classList.toggle('hidden', this.log.follow);
    follow.textContent = t('newLines', this.log.unseen.toLocaleString());
  }

  showDetail(line) {
    if (!line) return;
    const data = line.d === 'in' || line.d === 'out';
    const size = data ? ` · ${line.n} B` : '';
    this.$('.d-meta').textContent = `${formatTime(line.t)} ${dirLabel(line.d)} ${line.p || ''}${size}`;
    this.$('.d-text').textContent = dataText(line, 'text', this.log.listenKey);
    this.$('.d-hex').textContent = data ? dataText(line, 'hex') : '';
    this.$('.log-detail').classList.remove('hidden');
  }

  saveLog() {
    const blob = new Blob([this.log.asText()], { type: 'text/plain;charset=utf-8' });
    const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
    saveBlob(blob, `socketdesk-${(this.meta.spec || {}).type || 'session'}-${stamp}.txt`);
  }

  relabel() {
    applyStatic(this.el);
    this.$('.b-pause').textContent = this.log.paused ? t('resume') : t('pause');
    this.send.relabel();
    this.auto.relabel();
    this.chart.relabel();
    this.applyMeta({});
    this.applyPeers(this.peers);
    this.log.renderAll();
  }

  destroy() { this.el.remove(); }
}
