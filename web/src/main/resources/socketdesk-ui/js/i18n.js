// Strings for English and Simplified Chinese. t(key, ...args) fills {0}, {1}...
const STRINGS = {
  en: {
    newSession: 'New session', type: 'Type', tcpServer: 'TCP Server', tcpClient: 'TCP Client',
    localAddress: 'Local address', localPort: 'Local port', portHint: '0 = any free port',
    remote: 'Remote host:port', udpRemoteHint: 'optional: where Send goes; empty = answer the last sender',
    reconnect: 'Reconnect automatically', open: 'Open', close: 'Close', remove: 'Remove tab',
    newTip: 'Tip: a board that connects to your PC needs a TCP Server here; a board that listens needs a TCP Client.',
    allAddresses: 'All addresses (0.0.0.0 / ::)', connected: 'Connected', disconnected: 'Connection to SocketDesk lost; reconnecting…',
    status: 'Status', state_new: 'Not open', state_opening: 'Opening…', state_open: 'Open', state_reconnecting: 'Reconnecting…',
    state_closing: 'Closing…', state_closed: 'Closed', state_failed: 'Failed',
    listeningOn: 'Listening on {0}', boundTo: 'Bound to {0}', connectedTo: 'Connected to {0}', localAddr: 'Local {0}',
    receive: 'Receive', view: 'View', text: 'Text', hex: 'Hex', both: 'Both', encoding: 'Encoding',
    pause: 'Pause', resume: 'Resume', clear: 'Clear', save: 'Save', filter: 'Filter…',
    linesDropped: '{0} lines not shown (they came too fast, or are older than the last {1})', newLines: '↓ {0} new lines',
    send: 'Send', sendHint: 'Ctrl+Enter sends', mode: 'Mode', lineEnding: 'Line ending', checksum: 'Checksum',
    escapes: 'Escapes (\\r \\n \\xHH)', target: 'Send to', allClients: 'All clients', defaultTarget: 'Default (remote / last sender)',
    otherAddress: 'Other host:port…', periodic: 'Periodic', interval: 'Interval (ms)', count: 'Count (0 = forever)',
    cycleLines: 'Cycle through lines', start: 'Start', stop: 'Stop', running: 'running',
    sendFile: 'Send file…', history: 'History', quickSends: 'Quick sends', addQuick: '+ Save current',
    editQuick: 'Edit quick send', name: 'Name', payload: 'Payload', cancel: 'Cancel', delete: 'Delete',
    auto: 'Automatic actions', echo: 'Echo received data', echoPrefix: 'Prefix', rules: 'Reply rules',
    addRule: '+ Rule', match: 'When received (regex)', matchHex: 'hex', response: 'Reply with', apply: 'Apply', applied: 'Applied',
    counters: 'Counters', bytesIn: 'RX bytes', bytesOut: 'TX bytes', msgsIn: 'RX msgs', msgsOut: 'TX msgs', reset: 'Reset',
    rate: 'Rate (last 5 min)', rx: 'RX', tx: 'TX', clients: 'Clients', peersUdp: 'Peers heard from',
    id: 'ID', address: 'Address', since: 'Connected', disconnect: 'Disconnect', noClients: 'No client connected yet.',
    noPeers: 'Nothing received yet.',
    k_listening: 'listening on {0}', k_local: 'local address {0}', k_connected: 'connected', k_closed: 'session closed',
    k_disconnected: 'disconnected ({0})', k_reconnecting: 'reconnecting: {0}',
    r_peer_closed: 'closed by peer', r_reset: 'reset by peer', r_local: 'closed by us', r_error: 'closed after an error',
    sent: 'Sent {0} bytes', fileTooBig: 'the file is {0} MiB; the limit is {1} MiB', settingsProblem: 'Settings: {0}',
    noneOpt: 'None', truncated: '… (+{0} bytes)', emptyHint: 'Waiting for data…', selectClient: 'click a client to send to it only',
  },
  zh: {
    newSession: '新建会话', type: '类型', tcpServer: 'TCP 服务器', tcpClient: 'TCP 客户端',
    localAddress: '本地地址', localPort: '本地端口', portHint: '0 = 任意空闲端口',
    remote: '远程主机:端口', udpRemoteHint: '可选：发送的目标；留空 = 回复最后的发送方',
    reconnect: '自动重连', open: '打开', close: '关闭', remove: '移除标签',
    newTip: '提示：开发板主动连接电脑时，这里选 TCP 服务器；开发板在监听时，这里选 TCP 客户端。',
    allAddresses: '所有地址 (0.0.0.0 / ::)', connected: '已连接', disconnected: '与 SocketDesk 的连接已断开，正在重连…',
    status: '状态', state_new: '未打开', state_opening: '正在打开…', state_open: '已打开', state_reconnecting: '正在重连…',
    state_closing: '正在关闭…', state_closed: '已关闭', state_failed: '失败',
    listeningOn: '正在监听 {0}', boundTo: '已绑定 {0}', connectedTo: '已连接到 {0}', localAddr: '本地 {0}',
    receive: '接收', view: '显示', text: '文本', hex: '十六进制', both: '两者', encoding: '编码',
    pause: '暂停', resume: '继续', clear: '清空', save: '保存', filter: '过滤…',
    linesDropped: '{0} 行未显示（到达太快，或早于最近 {1} 行）', newLines: '↓ {0} 行新数据',
    send: '发送', sendHint: 'Ctrl+Enter 发送', mode: '格式', lineEnding: '行尾', checksum: '校验',
    escapes: '转义 (\\r \\n \\xHH)', target: '发送到', allClients: '所有客户端', defaultTarget: '默认（远程 / 最后的发送方）',
    otherAddress: '其他 主机:端口…', periodic: '定时发送', interval: '间隔 (毫秒)', count: '次数 (0 = 不限)',
    cycleLines: '按行轮流发送', start: '开始', stop: '停止', running: '运行中',
    sendFile: '发送文件…', history: '历史', quickSends: '快捷发送', addQuick: '+ 保存当前',
    editQuick: '编辑快捷发送', name: '名称', payload: '内容', cancel: '取消', delete: '删除',
    auto: '自动应答', echo: '回显收到的数据', echoPrefix: '前缀', rules: '应答规则',
    addRule: '+ 规则', match: '收到 (正则)', matchHex: '十六进制', response: '回复', apply: '应用', applied: '已应用',
    counters: '计数', bytesIn: '接收字节', bytesOut: '发送字节', msgsIn: '接收次数', msgsOut: '发送次数', reset: '清零',
    rate: '速率（最近 5 分钟）', rx: '收', tx: '发', clients: '客户端', peersUdp: '收到数据的对端',
    id: '编号', address: '地址', since: '连接时间', disconnect: '断开', noClients: '还没有客户端连接。',
    noPeers: '还没有收到数据。',
    k_listening: '正在监听 {0}', k_local: '本地地址 {0}', k_connected: '已连接', k_closed: '会话已关闭',
    k_disconnected: '已断开（{0}）', k_reconnecting: '正在重连：{0}',
    r_peer_closed: '对方关闭', r_reset: '对方复位', r_local: '本方关闭', r_error: '出错后关闭',
    sent: '已发送 {0} 字节', fileTooBig: '文件有 {0} MiB；上限是 {1} MiB', settingsProblem: '设置：{0}',
    noneOpt: '无', truncated: '…（另有 {0} 字节）', emptyHint: '等待数据…', selectClient: '点击客户端可只发给它',
  },
};

let lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
const listeners = [];

export function t(key, ...args) {
  const s = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)] ?? ''));
}

export function getLang() { return lang; }

export function setLang(next) {
  if (!STRINGS[next] || next === lang) return;
  lang = next;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  applyStatic(document);
  listeners.forEach((fn) => fn());
}

export function onLangChange(fn) { listeners.push(fn); }

/** Fills every element with data-i18n / data-i18n-placeholder / data-i18n-title below root. */
export function applyStatic(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}
