// The receive log of one tab: keeps the last MAX_LINES lines, renders them as text, hex or both,
// appends at most once per animation frame, and stops auto-scrolling while the user scrolls up.
import { t, failText } from './i18n.js';

export const MAX_LINES = 5000;
const MAX_DATA_CHARS = 600;

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

/**
 * A note's text from its event (k), in the page's language. "listening" is worded by the tab's kind
 * (listenKey: a TCP client's local address, a serial port opened); a "closed" with a peer is that
 * peer's disconnection, x its reason code.
 */
export function noteText(line, listenKey = 'k_listening') {
  switch (line.k) {
    case 'listening': return t(listenKey, line.x);
    case 'connected': return t('k_connected');
    case 'closed': return line.p ? t('k_disconnected', t(`r_${(line.x || '').replace('-', '_')}`)) + (line.h ? ` · ${t('k_held', line.h)}` : '') : t('k_closed');
    case 'reconnecting': return t('k_reconnecting', line.c ? failText(line.c, line.a, line.x) : line.x || '');
    case 'held': return t('k_held', line.x);
    case 'error': return failText(line.c, line.a, line.x);
    default: return line.x || '';
  }
}

/** The data column of a line in the given view mode. */
export function dataText(line, mode, listenKey = 'k_listening') {
  if (line.d === 'sys' || line.d === 'err') return noteText(line, listenKey);
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

/**
 * Virtualised: a row is one line high (data rows two in the "both" view), the top of every row is
 * kept in an array, and only the rows in view exist in the DOM, so a full log costs no more to
 * show, filter or re-render than a few lines.
 */
export class LogView {
  constructor(container, onDroppedChange, onSelect) {
    this.el = container;
    this.spacer = document.createElement('div');
    this.spacer.className = 'log-spacer';
    this.win = document.createElement('div');
    this.win.className = 'log-window';
    this.el.append(this.spacer, this.win);
    this.lines = [];
    this.view = [];
    this.tops = [];
    this.total = 0;
    this.dropped = 0;
    this.mode = 'text';
    this.filter = '';
    this.paused = false;
    this.follow = true;
    this.unseen = 0;
    this.frame = 0;
    this.active = false;
    this.onDroppedChange = onDroppedChange;
    this.onSelect = onSelect;
    this.listenKey = 'k_listening';
    this.el.addEventListener('scroll', () => {
      const atBottom = this.el.scrollTop + this.el.clientHeight >= this.el.scrollHeight - 24;
      if (atBottom !== this.follow) {
        this.follow = atBottom;
        if (atBottom) this.unseen = 0;
        this.onDroppedChange();
      }
      this.schedule();
    }, { passive: true });
    this.win.addEventListener('click', (e) => {
      const row = e.target.closest('.row');
      if (row) this.onSelect(this.view[Number(row.dataset.i)]);
    });
  }

  heightOf(line) { return this.mode === 'both' && (line.d === 'in' || line.d === 'out') ? 38 : 20; }

  push(line) {
    this.view.push(line);
    this.tops.push(this.total);
    this.total += this.heightOf(line);
  }

  /** Replaces every line (snapshot, encoding change, clear). */
  replace(lines) {
    this.lines = lines.slice(-MAX_LINES);
    this.rebuild();
  }

  append(lines) {
    for (const l of lines) this.lines.push(l);
    if (this.lines.length > MAX_LINES) {
      const excess = this.lines.length - MAX_LINES;
      this.lines.splice(0, excess);
      this.dropped += excess;
    }
    if (this.paused) return;
    for (const l of lines) if (this.matches(l)) this.push(l);
    const oldest = this.lines.length ? this.lines[0].s : Infinity;
    let cut = 0;
    while (cut < this.view.length && this.view[cut].s < oldest) cut++;
    if (cut) {
      const shift = cut < this.tops.length ? this.tops[cut] : this.total;
      this.view.splice(0, cut);
      this.tops.splice(0, cut);
      for (let i = 0; i < this.tops.length; i++) this.tops[i] -= shift;
      this.total -= shift;
    }
    if (!this.follow) this.unseen += lines.length;
    this.schedule();
  }

  addSkipped(n) { this.dropped += n; this.onDroppedChange(); }

  setActive(active) { this.active = active; this.schedule(); }

  setMode(mode) { this.mode = mode; this.rebuild(); }

  setFilter(text) { this.filter = text.trim().toLowerCase(); this.rebuild(); }

  setPaused(paused) { this.paused = paused; if (!paused) this.rebuild(); }

  clear() { this.lines = []; this.dropped = 0; this.unseen = 0; this.rebuild(); }

  rebuild() {
    this.view = [];
    this.tops = [];
    this.total = 0;
    for (const l of this.lines) if (this.matches(l)) this.push(l);
    this.schedule();
  }

  /** Index of the last row whose top is at or above {@code y}. */
  indexAt(y) {
    let lo = 0;
    let hi = this.tops.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid] <= y) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  matches(line) {
    if (!this.filter) return true;
    const hay = `${line.p || ''} ${line.d === 'sys' || line.d === 'err' ? noteText(line, this.listenKey) : line.x}`.toLowerCase();
    return hay.includes(this.filter) || (this.mode !== 'text' && b64ToHex(line.b).toLowerCase().includes(this.filter));
  }

  static newRow() {
    const div = document.createElement('div');
    for (const cls of ['ts', 'dir', 'peer', 'data']) {
      const span = document.createElement('span');
      span.className = cls;
      div.appendChild(span);
    }
    return div;
  }

  /** Fills a pooled row element; rows already showing this line in this mode are left alone. */
  fill(div, line, i) {
    div.dataset.i = i;
    if (div.line === line && div.mode === this.mode) return;
    div.line = line;
    div.mode = this.mode;
    div.className = `row ${line.d}`;
    const [ts, dir, peer, data] = div.children;
    ts.textContent = formatTime(line.t);
    dir.textContent = dirLabel(line.d);
    peer.textContent = line.p || '';
    const text = dataText(line, this.mode, this.listenKey);
    data.textContent = text.length > MAX_DATA_CHARS ? `${text.slice(0, MAX_DATA_CHARS)}…` : text;
  }

  schedule() {
    if (!this.frame && this.active) this.frame = requestAnimationFrame(() => this.render());
  }

  render() {
    this.frame = 0;
    if (!this.active) return;
    this.spacer.style.height = `${this.total + 8}px`;
    if (this.follow) this.el.scrollTop = this.el.scrollHeight;
    const top = this.el.scrollTop;
    const first = Math.max(0, this.indexAt(top) - 5);
    let last = this.indexAt(top + this.el.clientHeight) + 6;
    last = Math.min(this.view.length, last);
    const need = Math.max(0, last - first);
    while (this.win.childElementCount < need) this.win.appendChild(LogView.newRow());
    while (this.win.childElementCount > need) this.win.lastElementChild.remove();
    const rows = this.win.children;
    for (let k = 0; k < need; k++) this.fill(rows[k], this.view[first + k], first + k);
    this.win.style.transform = `translateY(${this.view.length ? this.tops[first] : 0}px)`;
    this.win.className = `log-window ${this.mode}`;
    this.onDroppedChange();
  }

  /** Re-renders every row, e.g. after a language change. */
  renderAll() {
    for (const row of this.win.children) row.line = null;
    this.rebuild();
  }

  scrollToEnd() {
    this.follow = true;
    this.unseen = 0;
    this.el.scrollTop = this.el.scrollHeight;
    this.schedule();
  }

  /** The whole log as text, in the current view mode. */
  asText() {
    return this.lines.map((l) => `${formatTime(l.t)} ${dirLabel(l.d)} ${l.p || '-'} ${dataText(l, this.mode, this.listenKey)}`).join('\n') + '\n';
  }
}
