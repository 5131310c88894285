// Automatic actions of a tab: echo with a prefix, and reply rules (regex or hex pattern => reply).
import { t, applyStatic, msg, say } from './i18n.js';
import { api } from './api.js';

const LAYOUT = `
<div class="card auto-card">
  <div class="card-head"><h2 data-i18n="auto"></h2></div>
  <label class="check"><input type="checkbox" class="a-echo" data-testid="echo"><span data-i18n="echo"></span></label>
  <label class="inline stretch"><span data-i18n="echoPrefix"></span><input class="a-prefix mono" data-testid="echo-prefix" placeholder="I got:"></label>
  <div class="rules-head"><b data-i18n="rules"></b><button type="button" class="small ghost a-add" data-testid="rule-add" data-i18n="addRule"></button></div>
  <div class="rules"></div>
  <div class="btns"><button type="button" class="small a-apply" data-testid="auto-apply" data-i18n="apply"></button>
  <span class="error" data-testid="auto-error" role="alert"></span><span class="ok a-ok" data-testid="auto-ok"></span></div>
</div>`;

export class AutoPanel {
  constructor(tab, slot) {
    this.tab = tab;
    slot.innerHTML = LAYOUT;
    this.root = slot;
    this.$ = (sel) => slot.querySelector(sel);
    this.$('.a-add').onclick = () => this.addRule({});
    this.$('.a-apply').onclick = () => this.apply();
    this.$('.rules').addEventListener('click', (e) => { if (e.target.closest('.r-del')) e.target.closest('.rule').remove(); });
  }

  addRule(r) {
    const div = document.createElement('div');
    div.className = 'rule';
    div.innerHTML = `
      <input class="r-match mono" data-testid="rule-match">
      <label class="check tiny l-hex"><input type="checkbox" class="r-hex"><span data-i18n="matchHex"></span></label>
      <span class="arrow">⇒</span>
      <input class="r-resp mono" data-testid="rule-response">
      <label class="check tiny l-rhex"><input type="checkbox" class="r-rhex"><span data-i18n="matchHex"></span></label>
      <button type="button" class="small ghost r-del" aria-label="remove">×</button>`;
    div.querySelector('.r-match').value = r.match || '';
    div.querySelector('.r-hex').checked = !!r.hex;
    div.querySelector('.r-resp').value = r.response || '';
    div.querySelector('.r-rhex').checked = !!r.responseHex;
    div.querySelector('.r-match').placeholder = t('match');
    div.querySelector('.r-resp').placeholder = t('response');
    applyStatic(div);
    this.$('.rules').appendChild(div);
  }

  load(auto) {
    this.$('.a-echo').checked = !!auto.echo;
    this.$('.a-prefix').value = auto.echoPrefix || '';
    this.$('.rules').replaceChildren();
    (auto.rules || []).forEach((r) => this.addRule(r));
  }

  value() {
    const rules = [...this.$('.rules').querySelectorAll('.rule')].map((d) => ({
      match: d.querySelector('.r-match').value,
      hex: d.querySelector('.r-hex').checked,
      response: d.querySelector('.r-resp').value,
      responseHex: d.querySelector('.r-rhex').checked,
    }));
    return {
      echo: this.$('.a-echo').checked,
      echoPrefix: this.$('.a-prefix').value,
      encoding: this.tab.send.format().encoding,
      rules,
    };
  }

  async apply() {
    try {
      await api.put(this.tab.api('/auto'), this.value());
      this.showResult(null, msg('applied'));
    } catch (e) {
      this.showResult(e, null);
    }
  }

  /** The outcome of Apply, worded again when the language changes. */
  showResult(error, ok) {
    this.result = { error, ok };
    this.$('[data-testid=auto-error]').textContent = say(error);
    this.$('.a-ok').textContent = say(ok);
  }

  relabel() {
    applyStatic(this.root);
    this.root.querySelectorAll('.r-match').forEach((i) => { i.placeholder = t('match'); });
    this.root.querySelectorAll('.r-resp').forEach((i) => { i.placeholder = t('response'); });
    if (this.result) this.showResult(this.result.error, this.result.ok);
  }
}
