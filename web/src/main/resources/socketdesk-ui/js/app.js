// SocketDesk page: one WebSocket for state and batches, HTTP calls for actions, tabs per session.
import { t, getLang, setLang, onLangChange, applyStatic, say } from './i18n.js';
import { api, socketUrl } from './api.js';
import { TabView } from './tabview.js';
import { QuickDialog } from './quickdialog.js';
import { SimPanel } from './simpanel.js';
import { TestPanel } from './testpanel.js';

/**
 * The fields each session type shows in the New session form and sends, by input name; a field of
 * another type is hidden and never sent. A new type adds a row here (and its inputs to the form).
 */
const NEW_FIELDS = {
  'tcp-server': ['localHost', 'localPort', 'maxClients', 'tls'],
  'tcp-client': ['localHost', 'remote', 'reconnect', 'connectTimeoutS', 'tls', 'insecure'],
  udp: ['localHost', 'localPort', 'remote', 'broadcast', 'multicast', 'multicastInterface'],
  serial: ['path', 'baud', 'dataBits', 'parity', 'stopBits', 'flow', 'groupIdleMs', 'reconnect'],
  forward: ['localHost', 'localPort', 'target', 'connectTimeoutS', 'insecure', 'edits'],
  'ws-server': ['localHost', 'localPort', 'wsPath', 'maxClients', 'tls'],
  'ws-client': ['url', 'reconnect', 'connectTimeoutS', 'insecure'],
};
const NEW_CONVERT = {
  baud: (v) => Number(v || '115200'),
  dataBits: Number,
  groupIdleMs: (v) => (v === '' ? undefined : Number(v)),
};
/** Form fields read from more than one input: a forward's edits, one row each. */
const NEW_READERS = { edits: (form) => readEdits(form) };

/** The forward's edit rows as the API's {@code edits}; a row without a match is left out. */
function readEdits(form) {
  return [...form.querySelectorAll('.edit-row')].map((row) => {
    const v = (k) => row.querySelector(`[data-k=${k}]`);
    return {
      direction: v('direction').value, match: v('match').value, hex: v('hex').checked,
      replacement: v('replacement').value, replacementHex: v('replacementHex').checked,
    };
  }).filter((e) => e.match !== '');
}

/** Form fields whose JSON name differs: the WebSocket path shares its name with the serial port's. */
const NEW_NAMES = { wsPath: 'path' };
const NEW_HINTS = { 'f-udp-hint': ['udp'], 'f-tls-server': ['tcp-server', 'ws-server'] };

class App {
  constructor() {
    this.tabs = new Map();
    this.active = 'new';
    this.settings = {};
    this.maxUpload = 16 * 1024 * 1024;
    this.main = document.getElementById('main');
    this.tabsEl = document.getElementById('tabs');
    this.saveTimer = 0;
    this.wantActive = null;
    this.quick = new QuickDialog(this);
    this.buildNewForm();
    this.sim = new SimPanel(this);
    this.main.appendChild(this.sim.el);
    this.testPanel = new TestPanel(this);
    this.main.appendChild(this.testPanel.el);
    this.renderTabHeaders();
    document.getElementById('lang').value = getLang();
    document.getElementById('lang').onchange = (e) => { setLang(e.target.value); this.settings.lang = e.target.value; this.saveSettings(); };
    onLangChange(() => this.relabel());
    document.querySelector('.banner-close').onclick = () => this.banner('');
    applyStatic(document);
    this.setConn(false);
    setInterval(() => { const tab = this.tabs.get(this.active); if (tab) tab.chart.draw(); if (this.active === 'sim') this.sim.draw(); }, 500);
    this.connect(0);
  }

  connect(attempt) {
    const ws = new WebSocket(socketUrl());
    this.ws = ws;
    ws.onopen = () => { this.setConn(true); attempt = 0; if (this.bannerKind === 'refused') this.banner(''); };
    ws.onmessage = (e) => this.onMessage(JSON.parse(e.data));
    ws.onclose = () => {
      if (this.refused) {
        this.refused = false;
        this.setConn(false);
        this.banner(this.refusedText, 'refused');
        setTimeout(() => this.connect(attempt + 1), 10000);
        return;
      }
      this.setConn(false);
      setTimeout(() => this.connect(attempt + 1), Math.min(5000, 500 * 2 ** attempt));
    };
  }

  setConn(ok) {
    const el = document.getElementById('conn');
    el.classList.toggle('ok', ok);
    el.querySelector('.conn-text').textContent = ok ? t('connected') : '';
    if (!ok && this.everConnected) this.banner(t('disconnected'), 'conn');
    if (ok) { this.everConnected = true; if (this.bannerKind === 'conn') this.banner(''); }
  }

  banner(text, kind) {
    const b = document.getElementById('banner');
    b.classList.toggle('hidden', !text);
    b.querySelector('.banner-text').textContent = text;
    this.bannerKind = text ? kind : null;
  }

  onMessage(m) {
    if (m.type === 'hello') {
      this.settings = m.settings || {};
      this.maxUpload = m.maxUpload || this.maxUpload;
      if (this.settings.lang && this.settings.lang !== getLang()) { setLang(this.settings.lang); document.getElementById('lang').value = getLang(); }
      if (m.settingsProblem) this.banner(t('settingsProblem', m.settingsProblem), 'settings');
      const seen = new Set();
      for (const snap of m.tabs) { this.upsert(snap); seen.add(snap.id); }
      for (const id of [...this.tabs.keys()]) if (!seen.has(id)) this.removeTab(id);
      this.eachTab((tab) => { tab.send.renderHistory(); tab.send.renderQuick(); });
      this.sim.load(m.sims);
      if (this.active !== 'new' && this.active !== 'sim' && this.active !== 'tests' && !this.tabs.has(this.active)) this.activate('new');
      else if (this.active === 'new' && this.tabs.size && !this.shownOnce) this.activate([...this.tabs.keys()][0]);
      this.shownOnce = true;
    } else if (m.type === 'tab') {
      this.upsert(m.tab);
    } else if (m.type === 'removed') {
      this.removeTab(m.id);
    } else if (m.type === 'batch') {
      for (const o of m.tabs) { const tab = this.tabs.get(o.id); if (tab) tab.applyBatch(o); }
      for (const o of m.sims || []) this.sim.upsert(o);
    } else if (m.type === 'resync') {
      const seen = new Set();
      for (const o of m.tabs) { seen.add(o.id); const tab = this.tabs.get(o.id); if (tab) tab.resync(o); }
      for (const id of [...this.tabs.keys()]) if (!seen.has(id)) this.removeTab(id);
      this.sim.load(m.sims);
    } else if (m.type === 'refused') {
      this.refused = true;
      this.refusedText = t('tooManyPages', m.maxPages);
      this.banner(this.refusedText, 'refused');
    } else if (m.type === 'simRemoved') {
      this.sim.remove(m.id);
    }
  }

  upsert(snap) {
    let tab = this.tabs.get(snap.id);
    if (tab) {
      tab.applySnapshot(snap);
    } else {
      tab = new TabView(this, snap);
      this.tabs.set(snap.id, tab);
      this.main.appendChild(tab.el);
      this.renderTabHeaders();
    }
    if (this.wantActive === snap.id) { this.wantActive = null; this.activate(snap.id); }
  }

  removeTab(id) {
    const tab = this.tabs.get(id);
    if (!tab) return;
    tab.destroy();
    this.tabs.delete(id);
    if (this.active === id) this.activate([...this.tabs.keys()].pop() ?? 'new');
    this.renderTabHeaders();
  }

  eachTab(fn) { this.tabs.forEach(fn); }

  activate(id) {
    this.active = id;
    this.newEl.classList.toggle('hidden', id !== 'new');
    this.tabs.forEach((tab, tid) => tab.setActive(tid === id));
    this.sim.setActive(id === 'sim');
    this.testPanel.setActive(id === 'tests');
    if (id === 'new') this.loadInterfaces();
    this.renderTabHeaders();
  }

  /** Session tabs scroll (and shrink to a minimum) in their strip; New session and Simulate stay put. */
  renderTabHeaders() {
    const items = [];
    for (const tab of this.tabs.values()) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `tab${this.active === tab.id ? ' active' : ''}`;
      b.setAttribute('role', 'tab');
      b.dataset.testid = `tabhead-${tab.id}`;
      b.dataset.tab = tab.id;
      b.title = tab.title();
      const lamp = document.createElement('span');
      lamp.className = `lamp ${tab.meta.state || 'new'}`;
      const label = document.createElement('span');
      label.className = 'tab-label';
      label.textContent = tab.title();
      b.append(lamp, label);
      b.onclick = () => this.activate(tab.id);
      items.push(b);
    }
    this.tabsEl.replaceChildren(...items);
    const add = document.createElement('button');
    add.type = 'button';
    add.className = `tab add${this.active === 'new' ? ' active' : ''}`;
    add.dataset.testid = 'tabhead-new';
    add.textContent = `+ ${t('newSession')}`;
    add.onclick = () => this.activate('new');
    const sim = document.createElement('button');
    sim.type = 'button';
    sim.className = `tab add${this.active === 'sim' ? ' active' : ''}`;
    sim.dataset.testid = 'tabhead-sim';
    sim.textContent = t('simTab');
    sim.onclick = () => this.activate('sim');
    const tests = document.createElement('button');
    tests.type = 'button';
    tests.className = `tab add${this.active === 'tests' ? ' active' : ''}`;
    tests.dataset.testid = 'tabhead-tests';
    tests.textContent = t('testTab');
    tests.onclick = () => this.activate('tests');
    document.getElementById('tab-actions').replaceChildren(add, sim, tests);
    const active = this.tabsEl.querySelector('.tab.active');
    if (active) active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  updateTabHeader(tab) {
    const b = this.tabsEl.querySelector(`[data-tab="${tab.id}"]`);
    if (!b) return;
    b.querySelector('.lamp').className = `lamp ${tab.meta.state || 'new'}`;
    b.lastChild.textContent = tab.title();
    b.title = tab.title();
    if (this.active === 'sim') this.sim.refreshTargets();
  }

  buildNewForm() {
    const frag = document.getElementById('tpl-new').content.cloneNode(true);
    this.newEl = frag.querySelector('.new-session');
    this.main.appendChild(frag);
    const form = this.newEl.querySelector('form');
    form.addEventListener('change', (e) => { if (e.target.name === 'type') this.updateNewForm(); });
    form.addEventListener('submit', (e) => { e.preventDefault(); this.submitNew(form); });
    this.newEl.querySelector('[data-testid=new-add-edit]').onclick = () => this.addEditRow();
    this.newEl.querySelector('[data-testid=new-simulate]').onclick = () => this.activate('sim');
    this.updateNewForm();
    this.loadInterfaces();
  }

  updateNewForm() {
    const type = this.newType();
    const shown = new Set(NEW_FIELDS[type]);
    for (const el of this.newEl.querySelectorAll('form [name]')) {
      if (el.name === 'type') continue;
      el.closest('.field').classList.toggle('hidden', !shown.has(el.name));
    }
    for (const [cls, types] of Object.entries(NEW_HINTS)) {
      this.newEl.querySelector(`.${cls}`).classList.toggle('hidden', !types.includes(type));
    }
    if (type === 'serial') this.loadSerialPorts();
  }

  newType() { return this.newEl.querySelector('input[name=type]:checked').value; }

  /** Adds an empty rewrite/drop row to the forward's edits. */
  addEditRow() {
    const row = document.getElementById('tpl-edit-row').content.firstElementChild.cloneNode(true);
    applyStatic(row);
    row.querySelector('[data-testid=edit-remove]').onclick = () => row.remove();
    this.newEl.querySelector('.edit-rows').appendChild(row);
    row.querySelector('[data-k=match]').focus();
  }

  /** The New session body: the chosen type and only its fields, as shown on screen. */
  newBody(form) {
    const type = this.newType();
    const body = { type };
    for (const name of NEW_FIELDS[type]) {
      if (NEW_READERS[name]) { body[name] = NEW_READERS[name](form); continue; }
      const el = form.elements[name];
      const value = el.type === 'checkbox' ? el.checked : el.value;
      const convert = NEW_CONVERT[name];
      const key = NEW_NAMES[name] || name;
      if (convert) { const v = convert(value); if (v !== undefined) body[key] = v; } else body[key] = value;
    }
    return body;
  }

  async loadInterfaces() {
    const sel = this.newEl.querySelector('#new-local');
    try {
      const list = await api.get('/api/interfaces');
      const keep = sel.value;
      sel.replaceChildren(...list.map((a) => new Option(
        a.all ? t('allAddresses') : `${a.value}  (${a.interface}, ${a.family})`, a.value)));
      sel.value = [...sel.options].some((o) => o.value === keep) ? keep : '';
    } catch (e) {
      this.newEl.querySelector('[data-testid=new-error]').textContent = e.message;
    }
  }

  async loadSerialPorts() {
    const list = this.newEl.querySelector('#serial-ports');
    try {
      const ports = await api.get('/api/serial-ports');
      list.replaceChildren(...ports.map((p) => new Option(p.description, p.path)));
    } catch (e) {
      this.newEl.querySelector('[data-testid=new-error]').textContent = e.message;
    }
  }

  async submitNew(form) {
    const err = this.newEl.querySelector('[data-testid=new-error]');
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    this.newError = null;
    err.textContent = '';
    try {
      const body = this.newBody(form);
      const r = await api.post('/api/sessions', body);
      if (this.tabs.has(r.id)) this.activate(r.id); else this.wantActive = r.id;
    } catch (e) {
      this.newError = e;
      err.textContent = say(e);
    } finally {
      btn.disabled = false;
    }
  }

  editQuick(index, q) { this.quick.open(index, q); }

  saveSettings() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(async () => {
      try { await api.put('/api/settings', this.settings); if (this.bannerKind === 'settings') this.banner(''); } catch (e) { this.banner(t('settingsProblem', e.message), 'settings'); }
    }, 300);
  }

  relabel() {
    applyStatic(this.newEl);
    if (this.newError) this.newEl.querySelector('[data-testid=new-error]').textContent = say(this.newError);
    this.loadInterfaces();
    this.tabs.forEach((tab) => tab.relabel());
    this.sim.relabel();
    this.testPanel.relabel();
    this.renderTabHeaders();
    this.setConn(this.ws && this.ws.readyState === WebSocket.OPEN);
  }
}

window.socketdesk = new App();
