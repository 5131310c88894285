// The receive log of one tab: keeps the last MAX_LINES lines, renders them as text, hex or both,
// appends at most once per animation frame, and stops auto-scrolling while the user scrolls up.
import { t } from './i18n.js';

export const MAX_LINES = 5000;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

export function b64ToHex(b64) {
  if (!b64) return '';
  const bin = atob(b64);
  const out = new Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = HEX[bin.charCodeAt(i)];
  return out.join(' ');
}

function pad(n, w) { return String(n).padStart(w, '0'); }

export function formatTime(ms) {
  const d = new Date(ms);
  return `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${pad(d.getMilliseconds(), 3)}`;
}

export function noteText(line) {
  switch (line.k) {
    case 'listening': return t('k_listening', line.x);
    case 'local': return t('k_local', line.x);
    case 'connected': return t('k_connected');
    case 'disconnected': return t('k_disconnected', t(`r_${line.x}`));
    case 'reconnecting': return t('k_reconnecting', line.x || '');
    case 'closed': return t('k_closed');
    default: return line.x || '';
  }
}

/** The data column of a line in the given view mode. */
export function dataText(line, mode) {
  if (line.d === 'sys' || line.d === 'err') return noteText(line);
  const b = line.b || '';
  const shown = (b.length * 3) / 4 - (b.endsWith('==') ? 2 : b.endsWith('=') ? 1 : 0);
  const extra = (line.n || 0) - shown;
  const tail = extra > 0 ? ` ${t('truncated', extra)}` : '';
  if (mode === 'hex') return b64ToHex(line.b) + tail;
  if (mode === 'both') return `${line.x}${tail}\n${b64ToHex(line.b)}`;
  return line.x + tail;
}

export function dirLabel(d) {
  return d === 'in' ? t('rx') : d === 'out' ? t('tx') : d === 'err' ? '!' : '•';
}

export class LogView {
  constructor(container, onDroppedChange) {
    this.el = container;
    this.lines = [];
    this.dropped = 0;
    this.mode = 'text';
    this.filter = '';
    this.paused = false;
    this.follow = true;
    this.unseen = 0;
    this.pending = [];
    this.frame = 0;
    this.active = false;
    this.onDroppedChange = onDroppedChange;
    this.el.addEventListener('scroll', () => {
      const atBottom = this.el.scrollTop + this.el.clientHeight >= this.el.scrollHeight - 24;
      if (atBottom !== this.follow) {
        this.follow = atBottom;
        if (atBottom) this.unseen = 0;
        this.onDroppedChange();
      }
    }, { passive: true });
  }

  /** Replaces every line (snapshot, encoding change, clear). */
  replace(lines) {
    this.lines = lines.slice(-MAX_LINES);
    this.pending = [];
    this.renderAll();
  }

  append(lines) {
    for (const l of lines) this.lines.push(l);
    if (this.lines.length > MAX_LINES) {
      const excess = this.lines.length - MAX_LINES;
      this.lines.splice(0, excess);
      this.dropped += excess;
    }
    if (this.paused || !this.active) return;
    for (const l of lines) this.pending.push(l);
    if (!this.follow) this.unseen += lines.length;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flushPending());
  }

  addSkipped(n) { this.dropped += n; }

  setActive(active) {
    this.active = active;
    if (active) this.renderAll();
  }

  setMode(mode) { this.mode = mode; this.renderAll(); }

  setFilter(text) { this.filter = text.trim().toLowerCase(); this.renderAll(); }

  setPaused(paused) {
    this.paused = paused;
    if (!paused) this.renderAll();
  }

  clear() { this.lines = []; this.dropped = 0; this.pending = []; this.unseen = 0; this.renderAll(); }

  matches(line) {
    if (!this.filter) return true;
    const hay = `${line.p || ''} ${line.d === 'sys' || line.d === 'err' ? noteText(line) : line.x}`.toLowerCase();
    return hay.includes(this.filter) || (this.mode !== 'text' && b64ToHex(line.b).toLowerCase().includes(this.filter));
  }

  row(line) {
    const div = document.createElement('div');
    div.className = `row ${line.d}`;
    const ts = document.createElement('span');
    ts.className = 'ts';
    ts.textContent = formatTime(line.t);
    const dir = document.createElement('span');
    dir.className = 'dir';
    dir.textContent = dirLabel(line.d);
    const peer = document.createElement('span');
    peer.className = 'peer';
    peer.textContent = line.p || '';
    const data = document.createElement('span');
    data.className = 'data';
    data.textContent = dataText(line, this.mode);
    div.append(ts, dir, peer, data);
    return div;
  }

  flushPending() {
    this.frame = 0;
    if (!this.active || this.paused) { this.pending = []; return; }
    const batch = this.pending.length > MAX_LINES ? this.pending.slice(-MAX_LINES) : this.pending;
    this.pending = [];
    const frag = document.createDocumentFragment();
    for (const l of batch) if (this.matches(l)) frag.appendChild(this.row(l));
    this.el.appendChild(frag);
    let excess = this.el.childElementCount - MAX_LINES;
    while (excess-- > 0) this.el.firstElementChild.remove();
    if (this.follow) this.el.scrollTop = this.el.scrollHeight;
    this.onDroppedChange();
  }

  renderAll() {
    if (!this.active) return;
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
    this.pending = [];
    const frag = document.createDocumentFragment();
    for (const l of this.lines) if (this.matches(l)) frag.appendChild(this.row(l));
    this.el.replaceChildren(frag);
    if (this.follow) this.el.scrollTop = this.el.scrollHeight;
    this.onDroppedChange();
  }

  scrollToEnd() {
    this.follow = true;
    this.unseen = 0;
    this.el.scrollTop = this.el.scrollHeight;
    this.onDroppedChange();
  }

  /** The whole log as text, in the current view mode. */
  asText() {
    return this.lines.map((l) => `${formatTime(l.t)} ${dirLabel(l.d)} ${l.p || '-'} ${dataText(l, this.mode)}`).join('\n') + '\n';
  }
}
