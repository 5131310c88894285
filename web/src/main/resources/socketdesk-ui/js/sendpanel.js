// The send panel of a tab: payload box and format, target, Send (Ctrl+Enter), periodic send,
// send file, history and quick-send buttons (persisted in settings).
import { t, applyStatic, msg, say } from './i18n.js';
import { api } from './api.js';
import { encodingOptions } from './tabview.js';

const MAX_HISTORY = 30;

const LAYOUT = `
<div class="card send-card">
  <div class="toolbar">
    <h2 data-i18n="send"></h2>
    <div class="seg small mode-seg" data-testid="send-mode">
      <button type="button" data-mode="text" data-i18n="text" aria-pressed="true"></button>
      <button type="button" data-mode="hex" data-i18n="hex" aria-pressed="false"></button>
    </div>
    <label class="inline"><span data-i18n="encoding"></span><select class="tx-enc" data-testid="tx-encoding"></select></label>
    <label class="inline"><span data-i18n="lineEnding"></span><select class="tx-eol" data-testid="line-ending">
      <option value="none"></option><option value="cr">CR \\r</option><option value="lf">LF \\n</option><option value="crlf">CRLF \\r\\n</option></select></label>
    <label class="inline"><span data-i18n="checksum"></span><select class="tx-sum" data-testid="checksum">
      <option value="none"></option><option value="sum8">SUM8</option><option value="xor8">XOR8</option>
      <option value="crc16-modbus">CRC-16/MODBUS</option><option value="crc16-ccitt">CRC-16/CCITT-FALSE</option><option value="crc32">CRC-32</option></select></label>
    <label class="inline check esc-wrap"><input type="checkbox" class="tx-esc" checked><span data-i18n="escapes"></span></label>
  </div>
  <div class="send-main">
    <textarea class="tx-text mono" data-testid="send-text" rows="3" spellcheck="false"></textarea>
    <div class="send-side">
      <label class="target-wrap"><span data-i18n="target"></span><select class="tx-target" data-testid="send-target"></select></label>
      <input class="tx-to mono hidden" data-testid="send-to" placeholder="192.168.1.10:5000">
      <button type="button" class="primary b-send" data-testid="send" data-i18n="send"></button>
      <small class="hint" data-i18n="sendHint"></small>
    </div>
  </div>
  <div class="send-status"><span class="error" data-testid="send-error" role="alert"></span><span class="ok" data-testid="send-ok"></span></div>
  <div class="send-extra">
    <div class="group periodic">
      <b data-i18n="periodic"></b>
      <label class="inline"><span data-i18n="interval"></span><input class="p-int mono" data-testid="periodic-interval" value="1000" inputmode="numeric"></label>
      <label class="inline"><span data-i18n="count"></span><input class="p-count mono" data-testid="periodic-count" value="0" inputmode="numeric"></label>
      <label class="inline check"><input type="checkbox" class="p-cycle"><span data-i18n="cycleLines"></span></label>
      <button type="button" class="small b-periodic" data-testid="periodic"></button>
    </div>
    <div class="group">
      <input type="file" class="f-input hidden" data-testid="file-input">
      <button type="button" class="small b-file" data-testid="send-file" data-i18n="sendFile"></button>
      <label class="inline"><span data-i18n="history"></span><select class="history" data-testid="history"></select></label>
    </div>
  </div>
  <div class="quick">
    <b data-i18n="quickSends"></b>
    <div class="quick-list" data-testid="quick-sends"></div>
    <button type="button" class="small ghost b-addq" data-testid="quick-add" data-i18n="addQuick"></button>
  </div>
</div>`;

export class SendPanel {
  constructor(tab, slot) {
    this.tab = tab;
    this.app = tab.app;
    slot.innerHTML = LAYOUT;
    this.root = slot;
    this.$ = (sel) => slot.querySelector(sel);
    this.mode = 'text';
    const prefs = this.app.settings.send || {};
    encodingOptions(this.$('.tx-enc'), prefs.encoding || 'UTF-8');
    this.$('.tx-eol').value = prefs.lineEnding || 'none';
    this.$('.tx-sum').value = prefs.checksum || 'none';
    this.setMode(prefs.mode || 'text');
    this.wire();
    this.renderHistory();
    this.renderQuick();
  }

  wire() {
    this.$('.mode-seg').addEventListener('click', (e) => { if (e.target.dataset.mode) { this.setMode(e.target.dataset.mode); this.savePrefs(); } });
    for (const sel of ['.tx-enc', '.tx-eol', '.tx-sum', '.tx-esc']) this.$(sel).addEventListener('change', () => this.savePrefs());
    this.$('.b-send').onclick = () => this.sendNow();
    this.$('.tx-text').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.sendNow(); }
    });
    this.$('.tx-target').onchange = () => { this.$('.tx-to').classList.toggle('hidden', this.$('.tx-target').value !== 'custom'); this.tab.applyPeers(this.tab.peers); };
    this.$('.b-periodic').onclick = () => this.togglePeriodic();
    this.$('.b-file').onclick = () => this.$('.f-input').click();
    this.$('.f-input').onchange = () => this.sendFile();
    this.$('.history').onchange = (e) => {
      const h = (this.app.settings.history || [])[Number(e.target.value)];
      if (h) { this.$('.tx-text').value = h.data; this.applyFormat(h); }
      e.target.value = '';
    };
    this.$('.b-addq').onclick = () => this.app.editQuick(null, { ...this.format(), data: this.$('.tx-text').value });
    this.$('.quick-list').addEventListener('click', (e) => {
      const b = e.target.closest('[data-q]');
      if (!b) return;
      const q = (this.app.settings.quickSends || [])[Number(b.dataset.q)];
      if (e.target.closest('.q-edit')) this.app.editQuick(Number(b.dataset.q), q);
      else if (q) this.post({ ...q });
    });
  }

  setMode(mode) {
    this.mode = mode === 'hex' ? 'hex' : 'text';
    this.$('.mode-seg').querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === this.mode)));
    this.$('.esc-wrap').classList.toggle('disabled', this.mode === 'hex');
    this.$('.tx-text').placeholder = this.mode === 'hex' ? '48 65 6C 6C 6F  /  0x48,0x65' : 'Hello WalnutPi!\\r\\n';
  }

  /** Sets the send format from a saved one (history, settings); missing fields stay as they are. */
  applyFormat(f) {
    this.setMode(f.mode);
    if (f.encoding) encodingOptions(this.$('.tx-enc'), f.encoding);
    if (f.lineEnding) this.$('.tx-eol').value = f.lineEnding;
    if (f.checksum) this.$('.tx-sum').value = f.checksum;
    if (typeof f.escapes === 'boolean') this.$('.tx-esc').checked = f.escapes;
  }

  format() {
    return {
      mode: this.mode,
      encoding: this.$('.tx-enc').value,
      lineEnding: this.$('.tx-eol').value,
      checksum: this.$('.tx-sum').value,
      escapes: this.$('.tx-esc').checked,
    };
  }

  savePrefs() { this.app.settings.send = this.format(); this.app.saveSettings(); }

  target() { return this.$('.tx-target').value; }

  selectTarget(value) {
    const sel = this.$('.tx-target');
    if ([...sel.options].some((o) => o.value === value)) { sel.value = value; sel.onchange(); }
  }

  /** The label of the chosen client when it has disconnected, else null. */
  goneTarget() { return this.gone || null; }

  targetFields() {
    const v = this.target();
    if (v && v.startsWith('peer:')) return { peer: Number(v.slice(5)) };
    if (v === 'custom') return { to: this.$('.tx-to').value };
    return {};
  }

  updateTargets(peers, server) {
    const type = (this.tab.meta.spec || {}).type;
    const sel = this.$('.tx-target');
    const keep = sel.value;
    const signature = `${type}|${server}|${keep}|${peers.map((p) => `${p.id} ${p.address}`).join(',')}|${this.labelsVersion}`;
    if (signature === this.targetsSignature) return;
    this.targetsSignature = signature;
    const opts = [new Option(server ? t('allClients') : t('defaultTarget'), 'all')];
    for (const p of peers) opts.push(new Option(`#${p.id} ${p.address}`, `peer:${p.id}`));
    if ((this.tab.meta.spec || {}).type === 'udp') opts.push(new Option(t('otherAddress'), 'custom'));
    const live = peers.find((p) => `peer:${p.id}` === keep);
    if (live) this.keptLabel = `#${live.id} ${live.address}`;
    // A chosen client that disconnected stays chosen and shows as gone: Send never falls back to all.
    const gone = !!keep && keep.startsWith('peer:') && !live;
    this.gone = gone ? (this.keptLabel || `#${keep.slice(5)}`) : null;
    if (gone) opts.push(new Option(t('targetGone', this.gone), keep));
    sel.replaceChildren(...opts);
    sel.value = [...sel.options].some((o) => o.value === keep) ? keep : 'all';
    sel.classList.toggle('gone', gone);
    sel.title = gone ? t('targetGoneError', this.gone) : '';
    const kind = (this.tab.meta.spec || {}).type;
    this.$('.target-wrap').classList.toggle('hidden', kind === 'tcp-client' || kind === 'ws-client');
  }

  applyMeta(meta) {
    const b = this.$('.b-periodic');
    b.textContent = meta.periodic ? t('stop') : t('start');
    b.setAttribute('aria-pressed', String(!!meta.periodic));
  }

  /** Shows the outcome of the last action; both are msg()/Error values, worded again on relabel. */
  showResult(error, ok) {
    this.result = { error, ok };
    this.$('[data-testid=send-error]').textContent = say(error);
    this.$('[data-testid=send-ok]').textContent = say(ok);
  }

  /** Refuses (with the inline error) to send while the chosen client is gone. */
  refuseGone() {
    if (!this.gone) return false;
    this.showResult(msg('targetGoneError', this.gone), '');
    return true;
  }

  async post(body) {
    if (this.refuseGone()) return false;
    try {
      const r = await api.post(this.tab.api('/send'), { ...body, ...this.targetFields() });
      this.showResult('', msg('sent', r.bytes.toLocaleString()));
      return true;
    } catch (e) {
      this.showResult(e, '');
      return false;
    }
  }

  async sendNow() {
    const data = this.$('.tx-text').value;
    if (await this.post({ ...this.format(), data })) this.remember(data);
  }

  /** Keeps a sent payload with its whole format (mode, encoding, line ending, checksum, escapes). */
  remember(data) {
    if (!data) return;
    const entry = { data, ...this.format() };
    const same = (h) => ['data', 'mode', 'encoding', 'lineEnding', 'checksum', 'escapes'].every((k) => h[k] === entry[k]);
    const list = (this.app.settings.history || []).filter((h) => !same(h));
    list.unshift(entry);
    this.app.settings.history = list.slice(0, MAX_HISTORY);
    this.app.saveSettings();
    this.app.eachTab((tab) => tab.send.renderHistory());
  }

  renderHistory() {
    const sel = this.$('.history');
    const opts = [new Option('—', '')];
    (this.app.settings.history || []).forEach((h, i) => {
      const label = (h.mode === 'hex' ? '[HEX] ' : '') + h.data.replace(/\s+/g, ' ');
      const short = label.length > 40 ? `${label.slice(0, 39)}…` : label;
      const fmt = [h.encoding && h.encoding !== 'UTF-8' && h.mode !== 'hex' ? h.encoding : '',
        h.lineEnding && h.lineEnding !== 'none' ? h.lineEnding.toUpperCase() : '',
        h.checksum && h.checksum !== 'none' ? h.checksum.toUpperCase() : ''].filter(Boolean).join(' ');
      opts.push(new Option(fmt ? `${short}  · ${fmt}` : short, String(i)));
    });
    sel.replaceChildren(...opts);
    sel.value = '';
  }

  renderQuick() {
    const items = (this.app.settings.quickSends || []).map((q, i) => {
      const b = document.createElement('span');
      b.className = 'qbtn';
      b.dataset.q = i;
      b.setAttribute('role', 'button');
      b.tabIndex = 0;
      b.title = `${q.mode === 'hex' ? 'HEX ' : ''}${q.data}`;
      const name = document.createElement('span');
      name.textContent = q.name || q.data;
      const edit = document.createElement('span');
      edit.className = 'q-edit';
      edit.textContent = '✎';
      edit.title = t('editQuick');
      b.append(name, edit);
      return b;
    });
    this.$('.quick-list').replaceChildren(...items);
  }

  async togglePeriodic() {
    try {
      if (this.tab.meta.periodic) {
        await api.del(this.tab.api('/periodic'));
      } else if (this.target() !== 'all') {
        // A periodic send always goes to the default target; never start it for another one.
        const all = this.$('.tx-target option[value=all]');
        this.showResult(msg('periodicAllOnly', all ? all.textContent : t('allClients')), '');
        return;
      } else {
        await api.post(this.tab.api('/periodic'), {
          ...this.format(),
          data: this.$('.tx-text').value,
          intervalMs: this.$('.p-int').value,
          count: this.$('.p-count').value,
          cycle: this.$('.p-cycle').checked,
        });
      }
      this.showResult('', '');
    } catch (e) {
      this.showResult(e, '');
    }
  }

  async sendFile() {
    const input = this.$('.f-input');
    const file = input.files[0];
    input.value = '';
    if (!file || this.refuseGone()) return;
    const max = this.app.maxUpload;
    if (file.size > max) {
      this.showResult(msg('fileTooBig', (file.size / 1048576).toFixed(1), max / 1048576), '');
      return;
    }
    const peer = this.targetFields().peer;
    try {
      const r = await api.upload(this.tab.api(`/file${peer ? `?peer=${peer}` : ''}`), file);
      this.showResult('', msg('sentFile', file.name, r.bytes.toLocaleString()));
    } catch (e) {
      this.showResult(e, '');
    }
  }

  relabel() {
    this.labelsVersion = (this.labelsVersion || 0) + 1;
    applyStatic(this.root);
    this.$('.tx-eol option[value=none]').textContent = t('noneOpt');
    this.$('.tx-sum option[value=none]').textContent = t('noneOpt');
    this.applyMeta(this.tab.meta || {});
    if (this.result) this.showResult(this.result.error, this.result.ok);
  }
}
