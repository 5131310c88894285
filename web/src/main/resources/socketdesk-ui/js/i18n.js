// Strings for English and Simplified Chinese. t(key, ...args) fills {0}, {1}...
const STRINGS = {
  en: {
    newSession: 'New session', type: 'Type', tcpServer: 'TCP Server', tcpClient: 'TCP Client',
    wsServer: 'WebSocket Server', wsClient: 'WebSocket Client', wsPath: 'Path', wsUrl: 'WebSocket URL',
    wsUrlHint: 'wss:// for TLS', tls: 'TLS',
    tlsServerHint: 'a self-signed certificate is made once; its SHA-256 fingerprint shows in the log',
    insecure: "Do not verify the server's certificate (insecure)",
    localAddress: 'Local address', localPort: 'Local port', portHint: '0 = any free port',
    remote: 'Remote host:port', udpRemoteHint: 'optional: where Send goes; empty = answer the last sender',
    reconnect: 'Reconnect automatically', open: 'Open', close: 'Close', remove: 'Remove tab',
    moreOptions: 'More options', maxClients: 'Max clients', maxClientsHint: '0 = no limit; clients beyond it are refused',
    connectTimeout: 'Connect timeout (s)', broadcast: 'Allow sending to broadcast addresses',
    multicast: 'Join multicast groups', multicastIfHint: 'interface, e.g. eth0 (optional)',
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
    serial: 'Serial', forward: 'Forward', serialPort: 'Serial port',
    serialPortHint: 'pick a listed port or type a path (a socat pty link, for example)', baud: 'Baud rate',
    frame: 'Data bits, parity, stop bits, flow control', parityNone: 'no parity', parityOdd: 'odd', parityEven: 'even',
    flowNone: 'no flow control', groupIdle: 'Group bytes into one message after a pause of (ms)',
    groupIdleHint: 'empty = 20 ms at 115200 baud, scaled with the speed; 0 = off', forwardTarget: 'Forward to',
    targetHint: 'HOST:PORT, tls://HOST:PORT, ws://HOST:PORT/PATH (wss:// for TLS), or serial:/dev/ttyUSB0?baud=115200', k_opened: 'opened {0}',
    edits: 'Rewrite or drop relayed data', addEdit: '+ Edit', editToTarget: 'to target', editToClient: 'to client',
    editMatch: 'match (regex)', editReplacement: 'replace with (empty = drop)', editRemove: 'Remove this edit',
    editsHint: 'each match is replaced, in the direction chosen; an empty replacement drops it. The log shows the client\'s connection as it is on the wire',
    record: 'Record', stopRecording: 'Stop recording', downloadPcap: 'Download pcap', exportJsonl: 'Export JSON lines', exportCsv: 'Export CSV', saveAsTest: 'Save as test', saveAsTestHint: 'Download the log as a test script: sends become send steps, answers expect steps; run it with socketdesk test', exportJsonlShort: 'JSONL', exportCsvShort: 'CSV',
    k_listening: 'listening on {0}', k_local: 'local address {0}', k_connected: 'connected', k_closed: 'session closed',
    k_disconnected: 'disconnected ({0})', k_reconnecting: 'reconnecting: {0}',
    r_peer_closed: 'closed by peer', r_reset: 'reset by peer', r_local: 'closed by us', r_error: 'closed after an error',
    periodicAllOnly: 'Not started: a periodic send goes to "{0}"; choose it in "Send to" first.',
    targetGone: '{0} (disconnected)', targetGoneError: 'Not sent: {0} has disconnected. Choose another target in "Send to".',
    tooManyPages: 'Not connected: this SocketDesk already serves {0} pages, its limit. Close another SocketDesk tab or window, then reload.',
    sent: 'Sent {0} bytes', sentFile: '{0}: sent {1} bytes', fileTooBig: 'the file is {0} MiB; the limit is {1} MiB', settingsProblem: 'Settings: {0}',
    noneOpt: 'None', truncated: '… (+{0} bytes)', emptyHint: 'Waiting for data…', selectClient: 'click a client to send to it only',
    testTab: 'Tests', testTitle: 'Run a test script', testIntro: 'Paste a script (see docs/scripts.md) or open a file, then run it; each step shows as it ends.',
    testOpen: 'Open a script file', testScript: 'Script (YAML)', testRun: 'Run', testCancel: 'Cancel', testTranscript: 'Transcript',
    testSummary: '{0} passed, {1} failed ({2} s)', testCancelled: '(cancelled)', testRunning: 'Running…',
    testStatus_passed: 'ok', testStatus_failed: 'FAIL', testStatus_interrupted: 'stopped', testStatus_running: '…',
    simTab: 'Simulate devices', simNoBoard: 'No board at hand?', simTitle: 'Simulate devices',
    simIntro: 'Start many simulated boards against a session of this page or any host:port.',
    simProfile: 'Profile', simTarget: 'Target', simHostPort: 'Host:port', simPort: 'Listen port', simBind: 'Bind address', simBindHint: 'empty = all addresses',
    simCount: 'Devices', simRamp: 'Ramp (new/s)', simRampHint: '0 = all at once', simInterval: 'Interval (ms)', simDuration: 'Duration (s)', simDurationHint: '0 = until stopped',
    simMessages: 'Messages each', simMessagesHint: '0 = no limit', simFormat: 'Reading format', simGreeting: 'Greeting', simPayloads: 'Payloads (one per line, sent in turn)',
    simPlaceholders: '{id} device number, {seq} message number, {time} ms since 1970', simReply: 'Reply',
    simNoRuns: 'No simulation yet. Pick a profile and a target, then Start.',
    'simHint_echo-client': 'S1 board: connects, sends the greeting, echoes what it receives with the prefix.',
    'simHint_periodic-client': 'S4 client: sends its payloads in turn at the interval.',
    simHint_sensor: 'Reports one JSON or CSV reading per interval (device id, seq, drifting values).',
    'simHint_udp-client': 'S3 client: sends a datagram per interval and counts the replies.',
    'simHint_tcp-echo-server': 'S4 board: listens, echoes every chunk, closes on EOF, accepts the next client.',
    'simHint_udp-server': 'S3 board: answers every datagram with the reply.',
    sim_starting: 'starting…', sim_running: 'running', sim_done: 'finished', sim_failed: 'could not start',
    simConnected: 'Connected', simFailed: 'Failed', simClosed: 'Closed', simMsgsIn: 'Msgs in', simMsgsOut: 'Msgs out',
    simBytesIn: 'Bytes in', simBytesOut: 'Bytes out', simRtt: 'Round trip (p50 · p99 · max)', simRate: 'Messages per second',
    simMsgsInShort: 'in', simMsgsOutShort: 'out', simTotals: 'in {0} · out {1} · {2} s', simErrors: 'Errors by cause',
    simRemove: 'Remove',
    clientsCount: 'Clients ({0})', peersUdpCount: 'Peers heard from ({0})', disconnectAll: 'Disconnect all',
    confirmRemove: 'Remove "{0}"? It is still open: removing the tab closes the session and every connection.',
    k_held: 'incomplete character at the end of the data, shown as bytes: {0}',
    loadDropped: 'Load them', loadedAll: 'every line SocketDesk keeps is shown',
    srv_internal: 'SocketDesk hit an internal error; its log has the details.',
    unreachable: 'SocketDesk is not reachable; is it still running?',
    'profile_echo-client': 'Echo client', 'profile_periodic-client': 'Periodic client', profile_sensor: 'Sensor',
    'profile_udp-client': 'UDP client', 'profile_tcp-echo-server': 'TCP echo server', 'profile_udp-server': 'UDP server',
    'err_refused': 'connection refused: is the target listening on that port?',
    'err_reset': 'connection reset by peer: the target closed connections abruptly',
    'err_timeout': 'timed out: the target did not answer in time; lower the ramp or check the target',
    'err_fd-limit': 'fd limit reached (too many open files): raise it with \'ulimit -n\' or use fewer devices',
    'err_no-local-port': 'no free local port: the local port range is used up; use fewer devices',
    'err_unreachable': 'host or network unreachable: check the target address',
    'err_other': 'other error: see the example message',
    // Server failures by catalogue code (see docs/web-api.md, "Failures"): {name} is a parameter of
    // the failure, {error} the server's own English line. English shows the server's line itself.
    'f_port-in-use': 'port {port} is already in use on {host}; pick another port or stop the program using it',
    'f_address-not-local': 'address {host} is not an address of this machine; pick one of its addresses or 0.0.0.0',
    'f_permission-denied': 'permission denied to listen on port {port} of {host}; use a port above 1023 or run with the needed privileges',
    'f_unknown-host': 'unknown host in {target}; check the spelling, or use the board\'s IP address',
    'f_refused': 'connection to {target} refused; check that the server is running and listening on that port',
    'f_timeout': 'connecting to {target} timed out after {timeoutMs} ms; check the address, and that the board is on the same network',
    'f_reset': '{peer} reset the connection',
    'f_unreachable': 'no route to {target}; check the address and this machine\'s network connection',
    'f_not-connected': '{peer} is no longer connected; wait for it to reconnect',
    'f_too-many-files': 'too many open files: the open-file limit (ulimit -n) is reached; raise it or use fewer connections',
    'f_connection-failed': 'the connection failed: {error}',
    'f_datagram-failed': 'the datagram could not be sent: {error}',
    'f_datagram-too-long': 'the datagram is too long: UDP carries at most 65,507 bytes of payload over IPv4 (65,527 over IPv6); send less per datagram, and leave room for an echo prefix',
    'f_message-too-big': 'a message is over the limit of {max} bytes: closed with 1009 (message too big); raise the maximum message size',
    'f_websocket-protocol': 'the peer broke the WebSocket protocol ({error}): closed with {close}',
    'f_client-limit': 'refused a client from {peer}: the client limit ({max}) is reached; disconnect one or raise the limit',
    'f_capture-stopped': 'capture to {file} stopped: {error}; free some disk space or choose another file, then capture again',
    'f_forward-target': 'cannot reach the target {target}: {error}; closed the client\'s connection',
    'f_serial-not-found': 'serial port {path} does not exist; the system has {ports}',
    'f_serial-gone': 'serial port {path} is gone (unplugged, or its program ended)',
    'f_serial-not-a-port': '{path} is not a serial port; give the port\'s device, such as /dev/ttyUSB0 or /dev/ttyACM0, or a pseudo-terminal\'s path',
    'f_serial-permission': 'no permission to open serial port {path}; add yourself to its group with \'sudo usermod -aG dialout $USER\' (uucp on Arch), then log in again',
    'f_serial-busy': 'serial port {path} is busy: another program has it open (a serial monitor, ModemManager, another socketdesk); close that program and try again',
    'f_serial-unsupported': 'serial port {path} does not support {baud} baud {frame} with {flow} flow control; try a standard setting such as {suggested} baud, 8N1 and no flow control',
    'f_invalid': '{error}',
    'f_invalid-value': '{error}',
    'f_other': '{error}',
    'f_tls-untrusted_client': 'the certificate of {peer} is not signed by a CA we trust (self-signed, or a private CA); trust its CA file or skip verification',
    'f_tls-untrusted_server': 'the client certificate of {peer} is not signed by the CA this server trusts; sign it with that CA',
    'f_tls-expired': '{peer}: a certificate has expired or is not valid yet; renew it, or check this machine\'s clock',
    'f_tls-name-mismatch': 'the certificate of {peer} is not for the name we connected to; connect by a name the certificate holds, or set the server name to check',
    'f_tls-no-common': '{peer} and we share no TLS version or cipher; we offer TLS 1.2 and 1.3 with current ciphers, so update the other side\'s TLS settings',
    'f_tls-not-tls_client': '{peer} does not speak TLS on that port; turn TLS off, or connect to its TLS port',
    'f_tls-not-tls_server': 'the client at {peer} speaks plain TCP, not TLS; connect it with TLS, or open this server without TLS',
    'f_tls-expected_client': '{peer} answered with TLS (the bytes above): it speaks TLS on this port; turn TLS on',
    'f_tls-expected_server': 'the client at {peer} speaks TLS (the bytes above); open this server with TLS on',
    'f_tls-rejected': '{peer} does not accept our certificate, or requires one; give a certificate signed by its CA',
    'f_tls-other': 'TLS failed: {error}',
  },
  zh: {
    newSession: '新建会话', type: '类型', tcpServer: 'TCP 服务器', tcpClient: 'TCP 客户端',
    wsServer: 'WebSocket 服务器', wsClient: 'WebSocket 客户端', wsPath: '路径', wsUrl: 'WebSocket 地址',
    wsUrlHint: 'wss:// 即为 TLS', tls: 'TLS',
    tlsServerHint: '首次会生成自签名证书；其 SHA-256 指纹显示在日志中',
    insecure: '不验证服务器证书（不安全）',
    localAddress: '本地地址', localPort: '本地端口', portHint: '0 = 任意空闲端口',
    remote: '远程主机:端口', udpRemoteHint: '可选：发送的目标；留空 = 回复最后的发送方',
    reconnect: '自动重连', open: '打开', close: '关闭', remove: '移除标签',
    moreOptions: '更多选项', maxClients: '最大客户端数', maxClientsHint: '0 = 不限；超出的客户端会被拒绝',
    connectTimeout: '连接超时（秒）', broadcast: '允许发送到广播地址',
    multicast: '加入组播组', multicastIfHint: '网卡，如 eth0（可选）',
    newTip: '提示：开发板主动连接电脑时，这里选 TCP 服务器；开发板在监听时，这里选 TCP 客户端。',
    allAddresses: '所有地址 (0.0.0.0 / ::)', connected: '已连接', disconnected: '与 SocketDesk 的连接已断开，正在重连…',
    status: '状态', state_new: '未打开', state_opening: '正在打开…', state_open: '已打开', state_reconnecting: '正在重连…',
    state_closing: '正在关闭…', state_closed: '已关闭', state_failed: '失败',
    listeningOn: '正在监听 {0}', boundTo: '已绑定 {0}', connectedTo: '已连接到 {0}', localAddr: '本地 {0}',
    receive: '接收', view: '显示', text: '文本', hex: '十六进制', both: '文本+十六进制', encoding: '编码',
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
    serial: '串口', forward: '转发', serialPort: '串口',
    serialPortHint: '从列表选择，或输入路径（例如 socat 的 pty 链接）', baud: '波特率',
    frame: '数据位、校验位、停止位、流控', parityNone: '无校验', parityOdd: '奇校验', parityEven: '偶校验',
    flowNone: '无流控', groupIdle: '分包：停顿多少毫秒后算一条消息',
    groupIdleHint: '留空 = 115200 波特时 20 毫秒，随波特率换算；0 = 不分包', forwardTarget: '转发到',
    targetHint: '主机:端口、tls://主机:端口、ws://主机:端口/路径（wss:// 即为 TLS），或 serial:/dev/ttyUSB0?baud=115200', k_opened: '已打开 {0}',
    edits: '改写或丢弃转发的数据', addEdit: '+ 改写规则', editToTarget: '发往目标', editToClient: '发往客户端',
    editMatch: '匹配（正则）', editReplacement: '替换为（留空 = 丢弃）', editRemove: '删除此规则',
    editsHint: '按所选方向替换每个匹配；替换内容留空即丢弃。日志显示客户端连接上实际收发的数据',
    record: '录制', stopRecording: '停止录制', downloadPcap: '下载 pcap', exportJsonl: '导出 JSON 行', exportCsv: '导出 CSV', saveAsTest: '另存为测试', saveAsTestHint: '把日志下载为测试脚本：发送的数据成为 send 步骤，收到的回应成为 expect 步骤；用 socketdesk test 运行', exportJsonlShort: 'JSONL', exportCsvShort: 'CSV',
    k_listening: '正在监听 {0}', k_local: '本地地址 {0}', k_connected: '已连接', k_closed: '会话已关闭',
    k_disconnected: '已断开（{0}）', k_reconnecting: '正在重连：{0}',
    r_peer_closed: '对方关闭', r_reset: '对方复位', r_local: '本方关闭', r_error: '出错后关闭',
    periodicAllOnly: '未开始：定时发送总是发往“{0}”；请先在“发送到”中选择它。',
    targetGone: '{0}（已断开）', targetGoneError: '未发送：{0} 已断开。请在“发送到”中选择其他目标。',
    tooManyPages: '未连接：此 SocketDesk 已打开 {0} 个页面，达到上限。请关闭其他 SocketDesk 标签页或窗口，然后刷新。',
    sent: '已发送 {0} 字节', sentFile: '{0}：已发送 {1} 字节', fileTooBig: '文件有 {0} MiB；上限是 {1} MiB', settingsProblem: '设置：{0}',
    noneOpt: '无', truncated: '…（另有 {0} 字节）', emptyHint: '等待数据…', selectClient: '点击客户端可只发给它',
    testTab: '测试', testTitle: '运行测试脚本', testIntro: '粘贴脚本（见 docs/scripts.md）或打开文件，然后运行；每一步结束时即显示结果。',
    testOpen: '打开脚本文件', testScript: '脚本（YAML）', testRun: '运行', testCancel: '取消', testTranscript: '收发记录',
    testSummary: '{0} 个通过，{1} 个失败（{2} 秒）', testCancelled: '（已取消）', testRunning: '运行中…',
    testStatus_passed: '通过', testStatus_failed: '失败', testStatus_interrupted: '已中止', testStatus_running: '…',
    simTab: '模拟设备', simNoBoard: '手边没有开发板？', simTitle: '模拟设备',
    simIntro: '启动多个模拟开发板，连接本页面的会话或任意 主机:端口。',
    simProfile: '设备类型', simTarget: '目标', simHostPort: '主机:端口', simPort: '监听端口', simBind: '绑定地址', simBindHint: '留空 = 所有地址',
    simCount: '设备数', simRamp: '爬升（每秒新建）', simRampHint: '0 = 同时启动', simInterval: '间隔 (毫秒)', simDuration: '时长（秒）', simDurationHint: '0 = 直到停止',
    simMessages: '每台消息数', simMessagesHint: '0 = 不限', simFormat: '读数格式', simGreeting: '问候语', simPayloads: '内容（每行一条，轮流发送）',
    simPlaceholders: '{id} 设备编号，{seq} 消息序号，{time} 毫秒时间戳', simReply: '回复',
    simNoRuns: '还没有模拟。选择设备类型和目标，然后点开始。',
    'simHint_echo-client': 'S1 开发板：连接后发送问候语，收到的数据加前缀后回发。',
    'simHint_periodic-client': 'S4 客户端：按间隔轮流发送内容。',
    simHint_sensor: '每个间隔上报一条 JSON 或 CSV 读数（设备编号、序号、缓慢变化的数值）。',
    'simHint_udp-client': 'S3 客户端：每个间隔发送一个数据报并统计回复。',
    'simHint_tcp-echo-server': 'S4 开发板：监听，回显每段数据，收到 EOF 后关闭，再接受下一个客户端。',
    'simHint_udp-server': 'S3 开发板：对每个数据报回复固定内容。',
    sim_starting: '正在启动…', sim_running: '运行中', sim_done: '已结束', sim_failed: '无法启动',
    simConnected: '已连接', simFailed: '失败', simClosed: '已关闭', simMsgsIn: '接收消息', simMsgsOut: '发送消息',
    simBytesIn: '接收字节', simBytesOut: '发送字节', simRtt: '往返时间 (p50 · p99 · 最大)', simRate: '每秒消息数',
    simMsgsInShort: '收', simMsgsOutShort: '发', simTotals: '收 {0} · 发 {1} · {2} 秒', simErrors: '按原因分组的错误',
    simRemove: '移除',
    clientsCount: '客户端（{0}）', peersUdpCount: '收到数据的对端（{0}）', disconnectAll: '全部断开',
    confirmRemove: '移除“{0}”？它仍处于打开状态：移除标签会关闭该会话及其所有连接。',
    k_held: '数据末尾的字符不完整，按字节显示：{0}',
    loadDropped: '加载这些行', loadedAll: '已显示 SocketDesk 保留的全部行',
    srv_internal: 'SocketDesk 内部出错；详情见它的日志。',
    unreachable: '无法连接 SocketDesk；它还在运行吗？',
    'profile_echo-client': '回显客户端', 'profile_periodic-client': '定时发送客户端', profile_sensor: '传感器',
    'profile_udp-client': 'UDP 客户端', 'profile_tcp-echo-server': 'TCP 回显服务器', 'profile_udp-server': 'UDP 服务器',
    'err_refused': '连接被拒绝：目标是否在该端口监听？',
    'err_reset': '连接被对方复位：目标突然关闭了连接',
    'err_timeout': '超时：目标没有及时响应；降低爬升速率或检查目标',
    'err_fd-limit': '达到文件描述符上限（打开的文件过多）：用 \'ulimit -n\' 提高上限，或减少设备数',
    'err_no-local-port': '没有空闲的本地端口：本地端口范围已用完；请减少设备数',
    'err_unreachable': '主机或网络不可达：请检查目标地址',
    'err_other': '其他错误：见示例消息',
    'f_port-in-use': '端口 {port} 在 {host} 上已被占用；请换一个端口，或停止占用它的程序',
    'f_address-not-local': '地址 {host} 不是本机的地址；请选择本机的一个地址或 0.0.0.0',
    'f_permission-denied': '没有权限监听 {host} 的端口 {port}；请使用 1023 以上的端口，或以所需权限运行',
    'f_unknown-host': '无法解析 {target} 中的主机名；请检查拼写，或使用板子的 IP 地址',
    'f_refused': '连接 {target} 被拒绝；请确认服务器正在运行并在该端口监听',
    'f_timeout': '连接 {target} 超时（{timeoutMs} 毫秒）；请检查地址，并确认板子在同一网络',
    'f_reset': '{peer} 复位了连接',
    'f_unreachable': '没有到 {target} 的路由；请检查地址和本机的网络连接',
    'f_not-connected': '{peer} 已断开；请等待它重连',
    'f_too-many-files': '打开的文件过多：已达到打开文件数上限 (ulimit -n)；请提高上限或减少连接数',
    'f_connection-failed': '连接出错：{error}',
    'f_datagram-failed': '数据报发送失败：{error}',
    'f_datagram-too-long': '数据报过长：UDP 每个数据报最多承载 65,507 字节（IPv6 为 65,527）；请每次少发一些，并为回显前缀留出空间',
    'f_message-too-big': '一条消息超过了 {max} 字节的上限：已以 1009（消息过大）关闭；请提高最大消息大小',
    'f_websocket-protocol': '对方违反了 WebSocket 协议（{error}）：已以 {close} 关闭',
    'f_client-limit': '拒绝了来自 {peer} 的客户端：已达到 {max} 个客户端的上限；请断开一个，或提高上限',
    'f_capture-stopped': '抓包写入 {file} 已停止：{error}；请腾出磁盘空间或换一个文件，然后重新抓包',
    'f_forward-target': '无法连接转发目标 {target}：{error}；已关闭客户端的连接',
    'f_serial-not-found': '串口 {path} 不存在；系统中有：{ports}',
    'f_serial-gone': '串口 {path} 已消失（被拔出，或它的程序已结束）',
    'f_serial-not-a-port': '{path} 不是串口；请给出串口设备，如 /dev/ttyUSB0 或 /dev/ttyACM0，或伪终端的路径',
    'f_serial-permission': '没有权限打开串口 {path}；请用 \'sudo usermod -aG dialout $USER\' 把自己加入它的组（Arch 上为 uucp），然后重新登录',
    'f_serial-busy': '串口 {path} 被占用：另一个程序（串口助手、ModemManager、另一个 socketdesk）打开了它；请关闭该程序后重试',
    'f_serial-unsupported': '串口 {path} 不支持 {baud} 波特率、{frame}、{flow} 流控；请试试标准设置，如 {suggested}、8N1、无流控',
    'f_invalid': '操作无效：{error}',
    'f_invalid-value': '{field} 的值无效：{error}',
    'f_other': '出错：{error}',
    'f_tls-untrusted_client': '{peer} 的证书不是由受信任的 CA 签发（自签名或私有 CA）；请信任它的 CA 证书文件，或跳过验证',
    'f_tls-untrusted_server': '{peer} 的客户端证书不是由本服务器信任的 CA 签发；请用该 CA 为它签发证书',
    'f_tls-expired': '{peer}：证书已过期或尚未生效；请更新证书，或检查本机的时钟',
    'f_tls-name-mismatch': '{peer} 的证书与所连接的名称不符；请用证书中包含的名称连接，或设置要检查的服务器名称 (SNI)',
    'f_tls-no-common': '与 {peer} 没有共同的 TLS 版本或加密套件；本端提供 TLS 1.2 和 1.3 及当前的加密套件，请更新对方的 TLS 设置',
    'f_tls-not-tls_client': '{peer} 在该端口上不使用 TLS（是普通 TCP）；请关闭 TLS，或连接它的 TLS 端口',
    'f_tls-not-tls_server': '{peer} 的客户端使用普通 TCP 而不是 TLS；请让它用 TLS 连接，或关闭本服务器的 TLS',
    'f_tls-expected_client': '{peer} 回复的是 TLS 数据（见上方字节）：它在该端口使用 TLS；请打开 TLS 开关',
    'f_tls-expected_server': '{peer} 的客户端发来的是 TLS 握手（见上方字节）：它使用 TLS；请打开本服务器的 TLS 开关',
    'f_tls-rejected': '{peer} 不接受本端的证书，或要求客户端证书；请提供由它的 CA 签发的证书',
    'f_tls-other': 'TLS 出错：{error}',
  },
};

let lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
const listeners = [];

export function t(key, ...args) {
  const s = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)] ?? ''));
}

/** True when this language has a string for {@code key}. */
export function has(key) { return key in STRINGS[lang] || key in STRINGS.en; }

/**
 * The words of a server error: with a {@code code} this page knows (key {@code srv_CODE}), that
 * string in the page's language with the error's {@code params} filled in by name ({name}) or
 * position ({0}); otherwise the server's own one-line {@code error}.
 */
export function serverText(json, status) {
  if (lang !== 'en' && json && json.code && failText(json.code, json.params, '') !== '') return failText(json.code, json.params, json.error);
  const code = json && json.code ? json.code : status >= 500 ? 'internal' : null;
  if (code && has(`srv_${code}`)) {
    const params = (json && json.params) || {};
    const list = Array.isArray(params) ? params : Object.values(params);
    return t(`srv_${code}`, ...list).replace(/\{([A-Za-z_]\w*)\}/g, (m, k) => (k in params ? String(params[k]) : m));
  }
  if (!json || !json.error) return `HTTP ${status}`;
  const word = FIELD_WORDS[json.field];
  return word && json.error.startsWith(`${json.field} `) ? word + json.error.slice(json.field.length) : json.error;
}

/** API field names the page words as its labels do, where a server message starts with one. */
const FIELD_WORDS = { intervalMs: 'interval' };

/**
 * A message that re-words itself when the language changes: msg('sent', 12), a plain string, or an
 * Error from the API (worded with serverText).
 */
export function msg(key, ...args) { return { key, args }; }

export function say(m) {
  if (!m) return '';
  if (typeof m === 'string') return m;
  if (m.key) return t(m.key, ...m.args);
  if (m.unreachable) return t('unreachable');
  if (m.json !== undefined || m.status !== undefined) return serverText(m.json, m.status);
  return m.message || String(m);
}

/**
 * A server failure in the page's language: the catalogue's wording of {@code code} with its
 * parameters ({@code f_CODE_SIDE} first when the failure names its {@code side}, client or server,
 * as TLS failures do). English, an unknown code, or a wording that names a parameter the failure lacks give
 * the server's own line ({@code error}), which is the catalogue's English.
 */
export function failText(code, params, error) {
  if (!code || lang === 'en') return error || '';
  const side = params && params.side ? STRINGS[lang][`f_${code}_${params.side}`] : undefined;
  const s = side ?? STRINGS[lang][`f_${code}`];
  if (!s) return error || '';
  const all = { ...(params || {}), error: error || '' };
  let missing = false;
  const out = s.replace(/\{(\w+)\}/g, (m, name) => {
    if (!(name in all)) missing = true;
    return String(all[name] ?? '');
  });
  return missing ? error || '' : out;
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
