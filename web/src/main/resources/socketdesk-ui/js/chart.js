// Live receive/send rate chart (uPlot), the last 5 minutes at one point per 500 ms (bytes/s by
// default; the simulator's chart passes its own unit and series labels).
import { t } from './i18n.js';

const MAX_POINTS = 600;

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1048576).toFixed(1)} MiB`;
  return `${(n / 1073741824).toFixed(2)} GiB`;
}

export class RateChart {
  constructor(el, opts = {}) {
    this.el = el;
    this.unit = opts.unit || ((v) => `${formatBytes(v)}/s`);
    this.labels = opts.labels || (() => [t('rx'), t('tx')]);
    this.minY = opts.minY || 1024;
    this.data = [[], [], []];
    this.plot = null;
    this.dirty = false;
  }

  build() {
    if (this.plot || typeof uPlot === 'undefined' || this.el.clientWidth === 0) return;
    const [rx, tx] = this.labels();
    const opts = {
      width: this.el.clientWidth,
      height: 130,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: true, range: (u, min, max) => [Math.min(min, max - 60), max] }, y: { range: (u, min, max) => [0, Math.max(this.minY, max * 1.1)] } },
      axes: [
        { stroke: '#6b7785', grid: { stroke: '#eef1f4' }, ticks: { show: false }, size: 22, font: '10px system-ui', space: 60,
          values: (u, vals) => vals.map((v) => { const d = new Date(v * 1000); return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`; }) },
        { stroke: '#6b7785', grid: { stroke: '#eef1f4' }, ticks: { show: false }, size: 66, font: '10px system-ui',
          values: (u, vals) => vals.map((v) => this.unit(v)) },
      ],
      series: [
        {},
        { label: rx, stroke: '#1f6feb', width: 1.5, fill: 'rgba(31,111,235,0.08)', points: { show: false } },
        { label: tx, stroke: '#1a7f37', width: 1.5, fill: 'rgba(26,127,55,0.06)', points: { show: false } },
      ],
    };
    this.plot = new uPlot(opts, this.data, this.el);
  }

  add(rate) {
    this.data[0].push(rate.t / 1000);
    this.data[1].push(rate.in);
    this.data[2].push(rate.out);
    if (this.data[0].length > MAX_POINTS) this.data.forEach((a) => a.splice(0, a.length - MAX_POINTS));
    this.dirty = true;
  }

  /** Redraws if visible and changed; call from the page's animation loop. */
  draw() {
    if (!this.dirty || this.data[0].length < 2) return;
    this.build();
    if (!this.plot) return;
    const w = this.el.clientWidth;
    if (w > 0 && Math.abs(w - this.plot.width) > 2) this.plot.setSize({ width: w, height: 130 });
    this.plot.setData(this.data);
    this.dirty = false;
  }

  relabel() {
    if (this.plot) { this.plot.destroy(); this.plot = null; this.dirty = true; }
  }
}
