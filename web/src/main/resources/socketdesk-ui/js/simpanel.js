// Simulate devices: a form that starts simulated boards against a session of this page or any
// host:port, and one card per run with live figures, a msgs/s chart, grouped errors and the summary.
import { t, applyStatic } from './i18n.js';
import { api } from './api.js';
import { RateChart, formatBytes } from './chart.js';
import { encodingOptions } from './tabview.js';

const PROFILES = ['echo-client', 'periodic-client', 'sensor', 'udp-client', 'tcp-echo-server', 'udp-server'];
const SERVER_PROFILES = ['tcp-echo-server', 'udp-server'];

const LAYOUT = `
<aside class="side">
  <form class="card sim-form" autocomplete="off" data-testid="sim-form">
    <div class="card-head"><h2 data-i18n="simTitle"></h2></div>
    <p class="hint sim-intro" data-i18n="simIntro"></p>
    <div class="field"><label for="sim-profile" data-i18n="simProfile"></label>
      <select id="sim-profile" name="profile" data-testid="sim-profile"></select>
      <small class="hint sim-profile-hint"></small></div>
    <div class="field f-target"><label for="sim-target" data-i18n="simTarget"></label>
      <select id="sim-target" name="session" data-testid="sim-target"></select></div>
    <div class="field f-host"><label for="sim-host" data-i18n="simHostPort"></label>
      <input id="sim-host" name="target" class="mono" placeholder="127.0.0.1:10000" data-testid="sim-host"></div>
    <div class="sim-grid">
      <div class="field f-port"><label for="sim-port" data-i18n="simPort"></label>
        <input id="sim-port" name="port" inputmode="numeric" value="5001" data-testid="sim-port"></div>
      <div class="field f-bind"><label for="sim-bind" data-i18n="simBind"></label>
        <input id="sim-bind" name="bind" class="mono" placeholder="0.0.0.0" data-testid="sim-bind">
        <small class="hint" data-i18n="simBindHint"></small></div>
      <div class="field f-count"><label for="sim-count" data-i18n="simCount"></label>
        <input id="sim-count" name="count" inputmode="numeric" value="10" data-testid="sim-count"></div>
      <div class="field f-ramp"><label for="sim-ramp" data-i18n="simRamp"></label>
        <input id="sim-ramp" name="ramp" inputmode="decimal" value="0" data-testid="sim-ramp">
        <small class="hint" data-i18n="simRampHint"></small></div>
      <div class="field f-interval"><label for="sim-interval" data-i18n="simInterval"></label>
        <input id="sim-interval" name="intervalMs" inputmode="numeric" value="1000" data-testid="sim-interval"></div>
      <div class="field"><label for="sim-duration" data-i18n="simDuration"></label>
        <input id="sim-duration" name="durationS" inputmode="numeric" value="0" data-testid="sim-duration">
        <small class="hint" data-i18n="simDurationHint"></small></div>
      <div class="field f-messages"><label for="sim-messages" data-i18n="simMessages"></label>
        <input id="sim-messages" name="messages" inputmode="numeric" value="0" data-testid="sim-messages">
        <small class="hint" data-i18n="simMessagesHint"></small></div>
      <div class="field f-format"><label for="sim-format" data-i18n="simFormat"></label>
        <select id="sim-format" name="sensorFormat"><option value="json">JSON</option><option value="csv">CSV</option></select></div>
    </div>
    <div class="field f-greeting"><label for="sim-greeting" data-i18n="simGreeting"></label>
      <input id="sim-greeting" name="greeting" class="mono" value="Hello WalnutPi!" data-testid="sim-greeting"></div>
    <div class="field f-prefix"><label for="sim-prefix" data-i18n="echoPrefix"></label>
      <input id="sim-prefix" name="prefix" class="mono" value="I got:" data-testid="sim-prefix"></div>
    <div class="field f-payloads"><label for="sim-payloads" data-i18n="simPayloads"></label>
      <textarea id="sim-payloads" name="payloads" class="mono" rows="2" data-testid="sim-payloads"></textarea>
      <small class="hint" data-i18n="simPlaceholders"></small></div>
    <div class="field f-reply"><label for="sim-reply" data-i18n="simReply"></label>
      <input id="sim-reply" name="reply" class="mono" value="hello,i am server" data-testid="sim-reply"></div>
    <div class="sim-grid">
      <div class="field f-mode"><label for="sim-mode" data-i18n="mode"></label>
        <select id="sim-mode" name="mode" data-testid="sim-mode"><option value="text"></option><option value="hex"></option></select></div>
      <div class="field"><label for="sim-encoding" data-i18n="encoding"></label>
        <select id="sim-encoding" name="encoding" data-testid="sim-encoding"></select></div>
      <div class="field f-eol"><label for="sim-eol" data-i18n="lineEnding"></label>
        <select id="sim-eol" name="lineEnding" data-testid="sim-line-ending"><option value="none"></option><option value="cr">CR \\r</option><option value="lf">LF \\n</option><option value="crlf">CRLF \\r\\n</option></select></div>
      <div class="field f-sum"><label for="sim-sum" data-i18n="checksum"></label>
        <select id="sim-sum" name="checksum" data-testid="sim-checksum"><option value="none"></option><option value="sum8">SUM8</option><option value="xor8">XOR8</option>
          <option value="crc16-modbus">CRC-16/MODBUS</option><option value="crc16-ccitt">CRC-16/CCITT-FALSE</option><option value="crc32">CRC-32</option></select></div>
    </div>
    <ul class="sim-warnings" data-testid="sim-warnings" role="status"></ul>
    <div class="actions">
      <button type="submit" class="primary" data-testid="sim-start" data-i18n="start"></button>
      <span class="error inline-error" data-testid="sim-error" role="alert"></span>
    </div>
  </form>
</aside>
<div class="center sim-runs" data-testid="sim-runs"><p class="hint sim-empty" data-i18n="simNoRuns"></p></div>`;

const RUN = `
<div class="card-head"><div class="sim-head"><span class="lamp"></span><b class="r-title mono"></b><span class="r-state hint" data-testid="sim-state"></span></div>
  <div class="btns"><button type="button" class="small danger r-stop" data-testid="sim-stop" data-i18n="stop"></button>
  <button type="button" class="small ghost r-remove" data-testid="sim-remove" data-i18n="simRemove"></button></div></div>
<div class="error r-error" role="alert"></div>
<ul class="sim-warnings r-warnings"></ul>
<div class="sim-figures">
  <div><span data-i18n="simConnected"></span><b class="mono" data-testid="sim-connected">0</b></div>
  <div><span data-i18n="simFailed"></span><b class="mono" data-testid="sim-failed">0</b></div>
  <div><span data-i18n="simClosed"></span><b class="mono" data-testid="sim-closed">0</b></div>
  <div><span data-i18n="simMsgsIn"></span><b class="mono f-min">0</b></div>
  <div><span data-i18n="simMsgsOut"></span><b class="mono f-mout">0</b></div>
  <div><span data-i18n="simBytesIn"></span><b class="mono f-bin">0</b></div>
  <div><span data-i18n="simBytesOut"></span><b class="mono f-bout">0</b></div>
  <div class="wide"><span data-i18n="simRtt"></span><b class="mono f-rtt" data-testid="sim-rtt">—</b></div>
</div>
<div class="rate-head"><span data-i18n="simRate"></span><span class="hint f-total mono"></span></div>
<div class="chart sim-chart"></div>
<div class="r-errors" data-testid="sim-errors"></div>
<pre class="r-summary mono hidden" data-testid="sim-summary"></pre>`;

function rate(v) {
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  return v >= 10 || v === 0 ? String(Math.round(v)) : v.toFixed(1);
}

function ms(micros) { return `${(micros / 1000).toFixed(2)} ms`; }

class RunCard {
  constructor(panel, run) {
    this.panel = panel;
    this.id = run.id;
    this.el = document.createElement('div');
    this.el.className = 'card sim-run';
    this.el.dataset.testid = `sim-run-${run.id}`;
    this.el.innerHTML = RUN;
    this.$ = (sel) => this.el.querySelector(sel);
    this.chart = new RateChart(this.$('.sim-chart'), { unit: (v) => `${rate(v)}/s`, labels: () => [t('simMsgsInShort'), t('simMsgsOutShort')], minY: 5 });
    this.$('.r-stop').onclick = () => panel.call(this, () => api.post(`/api/simulations/${this.id}/stop`));
    this.$('.r-remove').onclick = () => panel.call(this, () => api.del(`/api/simulations/${this.id}`));
    this.run = {};
    applyStatic(this.el);
    this.apply(run);
  }

  apply(run) {
    if (run.v !== undefined && this.run.v !== undefined && run.v < this.run.v) return;
    Object.assign(this.run, run);
    const r = this.run;
    const lampState = r.state === 'running' ? 'open' : r.state === 'starting' ? 'opening' : r.state === 'failed' ? 'failed' : 'closed';
    this.$('.lamp').className = `lamp ${lampState}`;
    const name = t(`profile_${r.profile}`);
    const where = r.server ? `${name} @ ${r.target}` : `${r.count} × ${name} → ${r.target}${r.session ? ` (${r.session})` : ''}`;
    this.$('.r-title').textContent = where;
    this.$('.r-state').textContent = t(`sim_${r.state}`);
    this.el.dataset.state = r.state;
    this.$('.r-stop').classList.toggle('hidden', r.state === 'done' || r.state === 'failed');
    this.$('.r-remove').classList.toggle('hidden', !(r.state === 'done' || r.state === 'failed'));
    this.$('.r-error').textContent = r.error || this.actionError || '';
    this.panel.fillWarnings(this.$('.r-warnings'), r.warnings || []);
    if (run.stats) this.applyStats(run.stats, !!run.sample);
    if (run.errors) this.applyErrors(run.errors);
    const noChart = r.state !== 'running' && this.chart.data[0].length < 2;
    this.$('.sim-chart').classList.toggle('hidden', noChart);
    this.$('.rate-head span').classList.toggle('hidden', noChart);
    const sum = this.$('.r-summary');
    sum.classList.toggle('hidden', !r.summary);
    sum.textContent = r.summary || '';
  }

  applyStats(s, sample) {
    this.$('[data-testid=sim-connected]').textContent = s.connected.toLocaleString();
    this.$('[data-testid=sim-failed]').textContent = s.failed.toLocaleString();
    this.$('[data-testid=sim-closed]').textContent = s.closed.toLocaleString();
    this.$('.f-min').textContent = `${rate(s.messagesInPerSecond)}/s`;
    this.$('.f-mout').textContent = `${rate(s.messagesOutPerSecond)}/s`;
    this.$('.f-bin').textContent = `${formatBytes(Math.round(s.bytesInPerSecond))}/s`;
    this.$('.f-bout').textContent = `${formatBytes(Math.round(s.bytesOutPerSecond))}/s`;
    this.$('.f-rtt').textContent = s.rttCount > 0 ? `p50 ${ms(s.rttP50Micros)} · p99 ${ms(s.rttP99Micros)} · max ${ms(s.rttMaxMicros)}` : '—';
    this.$('.f-total').textContent = t('simTotals', s.messagesIn.toLocaleString(), s.messagesOut.toLocaleString(), (s.elapsedMillis / 1000).toFixed(0));
    if (sample) this.chart.add({ t: s.t, in: s.messagesInPerSecond, out: s.messagesOutPerSecond });
  }

  applyErrors(errors) {
    const box = this.$('.r-errors');
    if (!errors.length) { box.replaceChildren(); return; }
    const head = document.createElement('b');
    head.textContent = t('simErrors');
    const rows = errors.map((g) => {
      const div = document.createElement('div');
      div.className = 'sim-error-group';
      div.dataset.cause = g.cause;
      const n = document.createElement('b');
      n.className = 'mono';
      n.textContent = `${g.count.toLocaleString()} ×`;
      const what = document.createElement('span');
      const known = t(`err_${g.cause}`) !== `err_${g.cause}`;
      what.textContent = ` ${known ? t(`err_${g.cause}`) : `${g.description}: ${g.advice}`}`;
      const ex = document.createElement('div');
      ex.className = 'hint mono';
      ex.textContent = g.example || '';
      div.append(n, what, ex);
      return div;
    });
    box.replaceChildren(head, ...rows);
  }

  relabel() {
    applyStatic(this.el);
    this.chart.relabel();
    this.apply({ ...this.run, sample: false });
  }
}

export class SimPanel {
  constructor(app) {
    this.app = app;
    this.runs = new Map();
    this.el = document.createElement('section');
    this.el.className = 'tabview simview hidden';
    this.el.dataset.testid = 'simulate';
    this.el.innerHTML = LAYOUT;
    this.$ = (sel) => this.el.querySelector(sel);
    this.form = this.$('.sim-form');
    encodingOptions(this.$('#sim-encoding'), 'UTF-8');
    this.form.addEventListener('change', (e) => {
      if (e.target.name === 'session') this.targetChosen = true;
      if (e.target.name === 'profile' || e.target.name === 'session') this.updateForm();
      this.checkSoon();
    });
    this.form.addEventListener('input', () => this.checkSoon());
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.start(); });
    applyStatic(this.el);
    this.labelOptions();
    this.refreshTargets();
    this.updateForm();
  }

  setActive(active) {
    this.el.classList.toggle('hidden', !active);
    if (active) { this.refreshTargets(); this.runs.forEach((c) => { c.chart.dirty = true; }); this.checkSoon(); }
  }

  draw() { this.runs.forEach((c) => c.chart.draw()); }

  profile() { return this.$('#sim-profile').value; }

  /** Open sessions a device of the chosen profile can reach, then "Other host:port…". */
  refreshTargets() {
    const sel = this.$('#sim-target');
    const keep = sel.value;
    const udp = this.profile() === 'udp-client';
    const opts = [];
    for (const tab of this.app.tabs.values()) {
      const spec = tab.meta.spec || {};
      if (tab.meta.state !== 'open' || spec.type !== (udp ? 'udp' : 'tcp-server')) continue;
      opts.push(new Option(`#${tab.id} ${tab.title()} (${tab.meta.local})`, String(tab.id)));
    }
    opts.push(new Option(t('otherAddress'), ''));
    const key = opts.map((o) => `${o.value}=${o.text}`).join('|');
    if (key === this.targetsKey) return;
    this.targetsKey = key;
    sel.replaceChildren(...opts);
    // Until the user picks a target, the first open session is the default, not "Other host:port".
    const kept = [...sel.options].some((o) => o.value === keep) && (this.targetChosen || keep !== '');
    sel.value = kept ? keep : sel.options[0].value;
    this.updateForm();
  }

  updateForm() {
    const p = this.profile();
    const server = SERVER_PROFILES.includes(p);
    const show = (cls, on) => this.$(cls).classList.toggle('hidden', !on);
    show('.f-target', !server);
    show('.f-host', !server && this.$('#sim-target').value === '');
    show('.f-port', server);
    show('.f-bind', server);
    show('.f-count', !server);
    show('.f-ramp', !server);
    show('.f-interval', ['periodic-client', 'sensor', 'udp-client'].includes(p));
    show('.f-messages', ['periodic-client', 'sensor', 'udp-client'].includes(p));
    show('.f-format', p === 'sensor');
    show('.f-greeting', p === 'echo-client');
    show('.f-prefix', p === 'echo-client');
    show('.f-payloads', p === 'periodic-client' || p === 'udp-client');
    show('.f-reply', p === 'udp-server');
    const payloads = p === 'periodic-client' || p === 'udp-client';
    show('.f-mode', payloads);
    show('.f-eol', payloads || p === 'sensor');
    show('.f-sum', payloads || p === 'sensor');
    this.$('.sim-profile-hint').textContent = t(`simHint_${p}`);
    if (this.lastProfile !== p) {
      this.lastProfile = p;
      this.$('#sim-port').value = p === 'udp-server' ? '5000' : '5001';
      this.$('#sim-payloads').value = p === 'udp-client' ? 'hello,i am client {id} #{seq}' : 'Hello Handbit\nI\'am MixNo';
      this.$('#sim-eol').value = p === 'sensor' ? 'lf' : 'none';
      const udp = p === 'udp-client';
      if (this.targetsUdp !== udp) { this.targetsUdp = udp; this.refreshTargets(); }
    }
  }

  /** The request body: only the fields that apply to the chosen profile. */
  body() {
    const fd = new FormData(this.form);
    const b = { profile: fd.get('profile') };
    const visible = (name) => !this.form.elements[name].closest('.field').classList.contains('hidden');
    for (const name of ['session', 'target', 'port', 'bind', 'count', 'ramp', 'intervalMs', 'durationS', 'messages', 'sensorFormat', 'greeting', 'prefix', 'reply', 'mode', 'encoding', 'lineEnding', 'checksum']) {
      if (visible(name)) b[name] = fd.get(name);
    }
    if (b.session === '') delete b.session; else delete b.target;
    if (visible('payloads')) b.payloads = fd.get('payloads').split(/\r?\n/).filter((l) => l !== '');
    return b;
  }

  checkSoon() {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.check(), 250);
  }

  async check() {
    try {
      const r = await api.post('/api/simulations/check', this.body());
      this.fillWarnings(this.$('[data-testid=sim-warnings]'), r.warnings);
    } catch (e) {
      this.fillWarnings(this.$('[data-testid=sim-warnings]'), []);
    }
  }

  fillWarnings(ul, warnings) {
    ul.replaceChildren(...warnings.map((w) => { const li = document.createElement('li'); li.textContent = w; return li; }));
  }

  async start() {
    const err = this.$('[data-testid=sim-error]');
    const btn = this.$('[data-testid=sim-start]');
    btn.disabled = true;
    err.textContent = '';
    try {
      const run = await api.post('/api/simulations', this.body());
      this.upsert(run);
    } catch (e) {
      err.textContent = e.message;
    } finally {
      btn.disabled = false;
    }
  }

  async call(card, fn) {
    try { const r = await fn(); card.actionError = ''; if (r && r.id) this.upsert(r); } catch (e) { card.actionError = e.message; card.apply({}); }
  }

  load(runs) {
    const seen = new Set();
    for (const r of runs || []) { this.upsert(r); seen.add(r.id); }
    for (const id of [...this.runs.keys()]) if (!seen.has(id)) this.remove(id);
  }

  upsert(run) {
    let card = this.runs.get(run.id);
    if (card) { card.apply(run); return; }
    card = new RunCard(this, run);
    this.runs.set(run.id, card);
    this.$('.sim-runs').prepend(card.el);
    this.$('.sim-empty').classList.add('hidden');
  }

  remove(id) {
    const card = this.runs.get(id);
    if (!card) return;
    card.el.remove();
    this.runs.delete(id);
    this.$('.sim-empty').classList.toggle('hidden', this.runs.size > 0);
  }

  labelOptions() {
    const profile = this.$('#sim-profile');
    const keep = profile.value || PROFILES[0];
    profile.replaceChildren(...PROFILES.map((p) => new Option(`${t(`profile_${p}`)} (${p})`, p)));
    profile.value = keep;
    this.$('#sim-mode option[value=text]').textContent = t('text');
    this.$('#sim-mode option[value=hex]').textContent = t('hex');
    this.$('#sim-eol option[value=none]').textContent = t('noneOpt');
    this.$('#sim-sum option[value=none]').textContent = t('noneOpt');
  }

  relabel() {
    applyStatic(this.el);
    this.labelOptions();
    const keep = this.$('#sim-target').value;
    this.targetsKey = null;
    this.refreshTargets();
    this.$('#sim-target').value = keep;
    this.updateForm();
    this.runs.forEach((c) => c.relabel());
  }
}
