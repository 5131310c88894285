// Dialog to create, edit or delete a quick-send button.
import { t, applyStatic } from './i18n.js';

export class QuickDialog {
  constructor(app) {
    this.app = app;
    this.el = document.createElement('dialog');
    this.el.className = 'quick-dialog';
    this.el.dataset.testid = 'quick-dialog';
    this.el.innerHTML = `
      <form method="dialog">
        <h2 data-i18n="editQuick"></h2>
        <label class="field"><span data-i18n="name"></span><input class="q-name" data-testid="quick-name" maxlength="40"></label>
        <label class="field"><span data-i18n="payload"></span><textarea class="q-data mono" data-testid="quick-data" rows="3"></textarea></label>
        <div class="seg small q-mode"><label><input type="radio" name="qmode" value="text"><span data-i18n="text"></span></label>
          <label><input type="radio" name="qmode" value="hex"><span data-i18n="hex"></span></label></div>
        <div class="btns">
          <button value="save" class="primary" data-testid="quick-save" data-i18n="save"></button>
          <button value="delete" class="danger q-del" data-testid="quick-delete" data-i18n="delete"></button>
          <button value="cancel" class="ghost" data-i18n="cancel"></button>
        </div>
      </form>`;
    document.body.appendChild(this.el);
    this.el.addEventListener('close', () => this.done(this.el.returnValue));
  }

  open(index, q) {
    this.index = index;
    this.base = { ...q };
    applyStatic(this.el);
    this.el.querySelector('.q-name').value = (q && q.name) || '';
    this.el.querySelector('.q-data').value = (q && q.data) || '';
    this.el.querySelectorAll('input[name=qmode]').forEach((r) => { r.checked = r.value === ((q && q.mode) || 'text'); });
    this.el.querySelector('.q-del').classList.toggle('hidden', index === null);
    this.el.returnValue = '';
    this.el.showModal();
  }

  done(action) {
    const list = [...(this.app.settings.quickSends || [])];
    if (action === 'save') {
      const data = this.el.querySelector('.q-data').value;
      const mode = this.el.querySelector('input[name=qmode]:checked').value;
      const name = this.el.querySelector('.q-name').value.trim() || data.slice(0, 16);
      const item = { ...this.base, name, data, mode };
      if (this.index === null) list.push(item); else list[this.index] = item;
    } else if (action === 'delete' && this.index !== null) {
      list.splice(this.index, 1);
    } else {
      return;
    }
    this.app.settings.quickSends = list;
    this.app.saveSettings();
    this.app.eachTab((tab) => tab.send.renderQuick());
  }
}
