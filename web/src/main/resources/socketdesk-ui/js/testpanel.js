// Tests: paste or open a test script, run it on the server, and watch each step pass or fail as it
// ends (polled from /api/tests/{id} while the run goes), with each test's transcript and the summary.
import { t, applyStatic, say } from './i18n.js';
import { api } from './api.js';

const POLL_MS = 300;

const LAYOUT = `
<aside class="side">
  <form class="card sim-form" autocomplete="off" data-testid="test-form">
    <div class="card-head"><h2 data-i18n="testTitle"></h2></div>
    <p class="hint sim-intro" data-i18n="testIntro"></p>
    <div class="field"><label for="test-file" data-i18n="testOpen"></label>
      <input id="test-file" type="file" accept=".yaml,.yml,text/yaml" data-testid="test-file"></div>
    <div class="field"><label for="test-script" data-i18n="testScript"></label>
      <textarea id="test-script" class="mono" rows="16" spellcheck="false" data-testid="test-script"></textarea></div>
    <p class="error test-error" data-testid="test-error"></p>
    <div class="btns">
      <button type="submit" class="primary" data-testid="test-run" data-i18n="testRun"></button>
      <button type="button" data-testid="test-cancel" data-i18n="testCancel" disabled></button>
    </div>
  </form>
</aside>
<div class="side test-results" data-testid="test-results"></div>`;

export class TestPanel {
  constructor(app) {
    this.app = app;
    this.el = document.createElement('section');
    this.el.className = 'tabview simview hidden';
    this.el.dataset.testid = 'tests';
    this.el.innerHTML = LAYOUT;
    this.$ = (sel) => this.el.querySelector(sel);
    this.run = null;
    this.error = null;
    this.$('form').addEventListener('submit', (e) => { e.preventDefault(); this.start(); });
    this.$('[data-testid=test-cancel]').onclick = () => this.cancel();
    this.$('#test-file').onchange = async (e) => {
      const f = e.target.files[0];
      if (f) this.$('#test-script').value = await f.text();
    };
    applyStatic(this.el);
  }

  setActive(active) { this.el.classList.toggle('hidden', !active); }

  relabel() { applyStatic(this.el); this.showError(); if (this.run) this.render(); }

  showError() { this.$('.test-error').textContent = say(this.error); }

  async start() {
    this.error = null;
    this.showError();
    try {
      const blob = new Blob([this.$('#test-script').value], { type: 'text/yaml' });
      this.run = await api.upload('/api/tests', blob);
    } catch (e) {
      this.error = e;
      this.showError();
      return;
    }
    this.render();
    this.poll(this.run.id);
  }

  async poll(id) {
    while (this.run && this.run.id === id && this.run.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      try {
        const next = await api.get(`/api/tests/${id}`);
        if (this.run && this.run.id === id) { this.run = next; this.render(); }
      } catch (e) {
        this.error = e;
        this.showError();
        return;
      }
    }
  }

  async cancel() {
    if (!this.run) return;
    try { await api.post(`/api/tests/${this.run.id}/cancel`); } catch (e) { this.error = e; this.showError(); }
  }

  render() {
    const run = this.run;
    this.$('[data-testid=test-cancel]').disabled = run.state !== 'running';
    const out = [];
    for (const test of run.tests) {
      const card = document.createElement('div');
      card.className = 'card sim-run';
      card.dataset.testid = 'test-case';
      const head = document.createElement('div');
      head.className = 'sim-head';
      head.innerHTML = '<strong class="r-title"></strong> <span class="test-status"></span>';
      head.firstChild.textContent = test.name;
      status(head.querySelector('.test-status'), test.status, test.millis);
      const list = document.createElement('ol');
      list.className = 'test-steps mono';
      for (const s of test.steps) {
        const li = document.createElement('li');
        li.dataset.testid = 'test-step';
        li.dataset.status = s.status;
        const st = document.createElement('span');
        status(st, s.status, s.millis);
        li.append(st, ` ${s.step}`);
        if (s.status === 'failed') {
          const why = document.createElement('div');
          why.className = 'error';
          why.textContent = `${s.location ? s.location.replace(/^script:/, '') + ': ' : ''}${s.message || ''}`;
          li.append(why);
        }
        list.append(li);
      }
      card.append(head, list);
      if (test.transcript) {
        const d = document.createElement('details');
        d.innerHTML = '<summary></summary><pre class="mono test-transcript" data-testid="test-transcript"></pre>';
        d.firstChild.textContent = t('testTranscript');
        d.lastChild.textContent = test.transcript;
        card.append(d);
      }
      out.push(card);
    }
    const sum = document.createElement('p');
    sum.className = 'card';
    sum.dataset.testid = 'test-summary';
    if (run.summary) {
      const s = run.summary;
      sum.textContent = t('testSummary', s.passed, s.failed, (s.millis / 1000).toFixed(1)) + (s.interrupted ? ` ${t('testCancelled')}` : '');
      sum.classList.add(s.failed === 0 && !s.interrupted ? 'ok' : 'error');
    } else {
      sum.textContent = run.state === 'failed' ? run.error : t('testRunning');
    }
    this.$('.test-results').replaceChildren(sum, ...out);
  }
}

function status(el, s, millis) {
  el.className = s === 'passed' ? 'ok' : s === 'running' ? 'hint' : 'error';
  el.textContent = t(`testStatus_${s}`) + (millis !== undefined && s !== 'running' ? ` ${millis} ms` : '');
}
