// SocketDesk page: one WebSocket for state and batches, HTTP calls for actions, tabs per session.
import { t, getLang, setLang, onLangChange, applyStatic } from './i18n.js';
import { api, socketUrl } from './api.js';
import { TabView } from './tabview.js';
import { QuickDialog } from './quickdialog.js';
import { SimPanel } from './simpanel.js';

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
      if (this.active !== 'new' && this.active !== 'sim' && !this.tabs.has(this.active)) this.activate('new');
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
    if (id === 'new') this.loadInterfaces();
    this.renderTabHeaders();
  }

  renderTabHeaders() {
    const items = [];
    for (const tab of this.tabs.values()) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `tab${this.active === tab.id ? ' active' : ''}`;
      b.setAttribute('role', 'tab');
      b.dataset.testid = `tabhead-${tab.id}`;
      b.dataset.tab = tab.id;
      const lamp = document.createElement('span');
      lamp.className = `lamp ${tab.meta.state || 'new'}`;
      const label = document.createElement('span');
      label.textContent = tab.title();
      b.append(lamp, label);
      b.onclick = () => this.activate(tab.id);
      items.push(b);
    }
    const add = document.createElement('button');
    add.type = 'button';
    add.className = `tab add${this.active === 'new' ? ' active' : ''}`;
    add.dataset.testid = 'tabhead-new';
    add.textContent = `+ ${t('newSession')}`;
    add.onclick = () => this.activate('new');
    items.push(add);
    const sim = document.createElement('button');
    sim.type = 'button';
    sim.className = `tab add${this.active === 'sim' ? ' active' : ''}`;
    sim.dataset.testid = 'tabhead-sim';
    sim.textContent = t('simTab');
    sim.onclick = () => this.activate('sim');
    items.push(sim);
    this.tabsEl.replaceChildren(...items);
  }

  updateTabHeader(tab) {
    const b = this.tabsEl.querySelector(`[data-tab="${tab.id}"]`);
    if (!b) return;
    b.querySelector('.lamp').className = `lamp ${tab.meta.state || 'new'}`;
    b.lastChild.textContent = tab.title();
    if (this.active === 'sim') this.sim.refreshTargets();
  }

  buildNewForm() {
    const frag = document.getElementById('tpl-new').content.cloneNode(true);
    this.newEl = frag.querySelector('.new-session');
    this.main.appendChild(frag);
    const form = this.newEl.querySelector('form');
    form.addEventListener('change', (e) => { if (e.target.name === 'type') this.updateNewForm(); });
    form.addEventListener('submit', (e) => { e.preventDefault(); this.submitNew(form); });
    this.newEl.querySelector('[data-testid=new-simulate]').onclick = () => this.activate('sim');
    this.updateNewForm();
    this.loadInterfaces();
  }

  updateNewForm() {
    const type = this.newEl.querySelector('input[name=type]:checked').value;
    const serial = type === 'serial';
    this.newEl.querySelectorAll('.f-serial').forEach((f) => f.classList.toggle('hidden', !serial));
    this.newEl.querySelector('.f-target').classList.toggle('hidden', type !== 'forward');
    this.newEl.querySelector('.f-local').classList.toggle('hidden', serial);
    this.newEl.querySelector('.f-port').classList.toggle('hidden', type === 'tcp-client' || serial);
    this.newEl.querySelector('.f-remote').classList.toggle('hidden', !['tcp-client', 'udp'].includes(type));
    this.newEl.querySelector('.f-udp-hint').classList.toggle('hidden', type !== 'udp');
    this.newEl.querySelector('.f-reconnect').classList.toggle('hidden', type !== 'tcp-client' && !serial);
    this.newEl.querySelector('.f-maxclients').classList.toggle('hidden', type !== 'tcp-server');
    this.newEl.querySelector('.f-ctimeout').classList.toggle('hidden', type !== 'tcp-client' && type !== 'forward');
    if (serial) this.loadSerialPorts();
    this.newEl.querySelector('.f-broadcast').classList.toggle('hidden', type !== 'udp');
    this.newEl.querySelector('.f-multicast').classList.toggle('hidden', type !== 'udp');
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
    const fd = new FormData(form);
    btn.disabled = true;
    err.textContent = '';
    try {
      const type = fd.get('type');
      const body = {
        type,
        localHost: fd.get('localHost') || '',
        localPort: fd.get('localPort') || '0',
        remote: fd.get('remote') || '',
        reconnect: fd.get('reconnect') === 'on',
      };
      if (type === 'tcp-server') body.maxClients = fd.get('maxClients') || '0';
      if (type === 'tcp-client' || type === 'forward') body.connectTimeoutS = fd.get('connectTimeoutS') || '5';
      if (type === 'forward') body.target = fd.get('target') || '';
      if (type === 'serial') {
        for (const k of ['path', 'dataBits', 'parity', 'stopBits', 'flow']) body[k] = fd.get(k) || '';
        body.baud = Number(fd.get('baud') || '115200');
        body.dataBits = Number(body.dataBits);
        if (fd.get('groupIdleMs')) body.groupIdleMs = Number(fd.get('groupIdleMs'));
      }
      if (type === 'udp') {
        body.broadcast = fd.get('broadcast') === 'on';
        body.multicast = fd.get('multicast') || '';
        body.multicastInterface = fd.get('multicastInterface') || '';
      }
      const r = await api.post('/api/sessions', body);
      if (this.tabs.has(r.id)) this.activate(r.id); else this.wantActive = r.id;
    } catch (e) {
      err.textContent = e.message;
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
    this.loadInterfaces();
    this.tabs.forEach((tab) => tab.relabel());
    this.sim.relabel();
    this.renderTabHeaders();
    this.setConn(this.ws && this.ws.readyState === WebSocket.OPEN);
  }
}

window.socketdesk = new App();
