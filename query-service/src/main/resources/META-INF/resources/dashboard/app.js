// The dashboard page: polls query-service's JSON and draws it. Wire text only ever reaches the page through
// textContent, text nodes and attribute values, never as markup, so nothing in a story can run as code.
'use strict';

(function () {
  const POLL_MS = 5000;
  const TIMELINE_MS = 30000;
  const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];
  const TYPE_NAMES = { PERSON: 'People', ORGANIZATION: 'Organisations', LOCATION: 'Places', MISC: 'Other names' };
  const COLOURS = { accepted: '#64748b', enriched: '#7c3aed', indexed: '#1f5fbf' };
  const QUALIFIERS = {
    APPROX: 'about', GREATER_THAN: 'more than', LESS_THAN: 'less than', AT_LEAST: 'at least', AT_MOST: 'at most'
  };

  const state = { latestKey: '', topKey: '', timelineKey: '', focus: null, top: [], shownIds: new Set() };
  let throughputChart = null;
  let timelineChart = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---------- read key ----------

  // The key lives in this tab's sessionStorage only: never in localStorage, a cookie or the address, so it is gone
  // when the tab closes and is sent nowhere but in X-Api-Key to this service.
  const KEY_ITEM = 'wire.readKey';
  let keyWanted = null;
  let keyGiven = null;

  function storedKey() {
    try { return sessionStorage.getItem(KEY_ITEM) || ''; } catch (e) { return ''; }
  }

  /** Shows the key form once, however many calls were refused meanwhile; resolves when a key is entered. */
  function askForKey(refused) {
    if (!keyWanted) {
      keyWanted = new Promise(resolve => { keyGiven = resolve; });
      $('key-why').textContent = refused
        ? 'That key was refused: it is unknown or revoked. Enter another.'
        : 'This service needs a read key. It is kept in this tab only, until the tab is closed.';
      $('key-form').hidden = false;
      $('api-key').focus();
    }
    return keyWanted;
  }

  function giveKey(event) {
    event.preventDefault();
    const key = $('api-key').value.trim();
    if (!key || !keyGiven) return;
    try { sessionStorage.setItem(KEY_ITEM, key); } catch (e) { /* storage refused: asked again at the next 401 */ }
    $('api-key').value = '';
    $('key-form').hidden = true;
    const resolve = keyGiven;
    keyWanted = null;
    keyGiven = null;
    resolve(key);
  }

  async function getJson(url) {
    return callJson(url, 'GET', undefined);
  }

  /** A call of this service's API with the read key; the JSON answer, or an error with the problem's detail. */
  async function callJson(url, method, payload) {
    let response;
    for (;;) {
      const key = storedKey();
      const headers = { Accept: 'application/json' };
      if (key) headers['X-Api-Key'] = key;
      const init = { method, headers };
      if (payload !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(payload);
      }
      response = await fetch(url, init);
      if (response.status !== 401) break;
      // Forget a refused key only if no other call has replaced it meanwhile, then wait for one and ask again.
      if (storedKey() === key) {
        try { sessionStorage.removeItem(KEY_ITEM); } catch (e) { /* nothing kept */ }
        await askForKey(Boolean(key));
      }
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      throw new Error(detail || ('HTTP ' + response.status));
    }
    return body;
  }

  // ---------- figures ----------

  function rate(value) {
    if (value === null || value === undefined) return '—';
    if (value === 0) return '0';
    if (value < 0.1) return value.toFixed(2);
    if (value < 10) return value.toFixed(1);
    return Math.round(value).toLocaleString('en');
  }

  function count(value) {
    if (value === null || value === undefined) return '—';
    return Math.round(value).toLocaleString('en');
  }

  function seconds(q) {
    if (!q) return '—';
    const v = q.value;
    let text;
    if (v === 0) text = '0 s';
    else if (v < 1) text = Math.round(v * 1000) + ' ms';
    else if (v < 120) text = v.toFixed(v < 10 ? 1 : 0) + ' s';
    else if (v < 7200) text = Math.round(v / 60) + ' min';
    else if (v < 172800) text = Math.round(v / 3600) + ' h';
    else text = Math.round(v / 86400) + ' d';
    return (q.atLeast ? '≥ ' : '') + text;
  }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    return d.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  }

  function setField(root, name, text) {
    const node = root.querySelector('[data-field="' + name + '"]');
    if (node) node.textContent = text;
  }

  // ---------- pipeline ----------

  function stage(id, data, figures) {
    const root = $(id);
    const up = data.service.reachable;
    root.classList.toggle('down', !up);
    root.dataset.reachable = String(up);
    setField(root, 'state', up ? 'live' : (data.service.error === 'not read yet' ? 'waiting' : 'unreachable'));
    setField(root, 'error', up ? '' : (data.service.name + ': ' + (data.service.error || 'no answer')));
    Object.keys(figures).forEach(name => setField(root, name, figures[name]));
  }

  function drawPipeline(p) {
    stage('stage-ingest', p.ingest, {
      main: rate(p.ingest.acceptedPerSecond), duplicates: rate(p.ingest.duplicatesPerSecond),
      rejected: rate(p.ingest.rejectedPerSecond), published: rate(p.ingest.publishedPerSecond),
      backlog: count(p.ingest.outboxBacklog),
      oldest: p.ingest.outboxOldestSeconds === null ? '—' : seconds({ value: p.ingest.outboxOldestSeconds })
    });
    stage('stage-enrich', p.enrich, {
      main: rate(p.enrich.enrichedPerSecond), deadLettered: rate(p.enrich.deadLetteredPerSecond),
      tombstones: rate(p.enrich.tombstonesPerSecond), lag: count(p.enrich.consumerLag),
      deadLetters: count(p.enrich.deadLetters)
    });
    stage('stage-index', p.index, {
      main: rate(p.index.indexedPerSecond), deleted: rate(p.index.deletedPerSecond),
      stale: rate(p.index.stalePerSecond), rejected: rate(p.index.rejectedPerSecond), lag: count(p.index.indexerLag)
    });
    const fresh = $('freshness');
    const received = p.index.sinceReceived;
    const published = p.index.sincePublished;
    setField(fresh, 'rp50', seconds(received && received.p50));
    setField(fresh, 'rp90', seconds(received && received.p90));
    setField(fresh, 'pp50', seconds(published && published.p50));
    setField(fresh, 'pp90', seconds(published && published.p90));
    const basis = received || published;
    setField(fresh, 'basis', basis ? (basis.recent ? 'last minute' : 'since start') : 'no data');
    setField(fresh, 'observations', basis ? count(basis.observations) + ' articles indexed' : '');
    $('window-hint').textContent = 'per second over the last ' + p.windowSeconds + ' s';
    drawThroughput(p.history || []);
  }

  function drawThroughput(history) {
    if (!window.echarts) return;
    if (!throughputChart) throughputChart = window.echarts.init($('throughput-chart'));
    const series = ['accepted', 'enriched', 'indexed'].map(name => ({
      name: name, type: 'line', showSymbol: false, smooth: true, connectNulls: false,
      lineStyle: { width: 2, color: COLOURS[name] }, itemStyle: { color: COLOURS[name] },
      data: history.map(point => [point.at, point[name + 'PerSecond']])
    }));
    throughputChart.setOption({
      animation: false,
      grid: { left: 44, right: 14, top: 30, bottom: 26 },
      legend: { top: 0, right: 0, textStyle: { color: '#667085' } },
      // richText draws tooltips on the canvas: no HTML is ever built from the data.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'time', axisLabel: { color: '#667085', hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 0.1, axisLabel: { color: '#667085' },
        splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: series
    });
  }

  async function pollPipeline() {
    try {
      drawPipeline(await getJson('/v1/dashboard/pipeline'));
      live(true);
    } catch (e) {
      live(false, e.message);
    }
  }

  function live(ok, message) {
    const badge = $('live');
    badge.dataset.state = ok ? 'live' : 'error';
    $('live-text').textContent = ok ? 'live · ' + new Date().toLocaleTimeString('en-GB') : 'no answer: ' + message;
  }

  // ---------- entities ----------

  function drawEntities(top) {
    const key = JSON.stringify(top.byType) + (state.focus ? state.focus.name : '');
    $('entities-hint').textContent = count(top.articles) + ' articles received in the last hour';
    if (key === state.topKey) return;
    state.topKey = key;
    const root = $('top-entities');
    root.replaceChildren();
    TYPES.forEach(type => {
      const column = el('div', 'type-' + type);
      column.appendChild(el('h3', null, TYPE_NAMES[type]));
      const names = top.byType[type] || [];
      if (names.length === 0) {
        column.appendChild(el('p', 'none', 'none yet'));
      } else {
        const list = el('ol');
        const most = names[0].articles || 1;
        names.forEach(entity => {
          const item = el('li');
          item.dataset.type = type;
          item.dataset.name = entity.name;
          item.title = entity.name + ' · ' + entity.articles + ' articles, ' + entity.mentions + ' mentions';
          const bar = el('span', 'bar');
          bar.style.width = Math.max(6, Math.round(100 * entity.articles / most)) + '%';
          item.append(bar, el('span', 'name', entity.name), el('span', 'count', entity.articles));
          if (state.focus && state.focus.name === entity.name && state.focus.type === type) {
            item.classList.add('selected');
          }
          item.addEventListener('click', () => focusEntity({ name: entity.name, type: type }));
          list.appendChild(item);
        });
        column.appendChild(list);
      }
      root.appendChild(column);
    });
    // The five most named, whatever their type, feed the timeline.
    state.top = TYPES.flatMap(type => (top.byType[type] || []).map(e => ({ name: e.name, type: type, articles: e.articles })))
      .sort((a, b) => b.articles - a.articles).slice(0, 5);
  }

  async function pollEntities() {
    try {
      drawEntities(await getJson('/v1/dashboard/entities?hours=1&size=6'));
    } catch (e) {
      $('entities-hint').textContent = 'unavailable: ' + e.message;
    }
  }

  function focusEntity(entity) {
    state.focus = entity;
    state.topKey = '';
    $('timeline-reset').hidden = false;
    pollEntities();
    pollTimeline();
  }

  // ---------- timeline ----------

  async function pollTimeline() {
    if (!window.echarts) return;
    const entities = state.focus ? [state.focus] : state.top;
    $('timeline-hint').textContent = (state.focus ? state.focus.name : 'top entities of the last hour') +
      ', mentions per hour of publication, last 24 hours';
    const from = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    try {
      const timelines = await Promise.all(entities.map(e =>
        getJson('/v1/entities/' + encodeURIComponent(e.name) + '/timeline?interval=hour&type=' + e.type +
          '&from=' + encodeURIComponent(from))));
      const key = JSON.stringify(timelines);
      if (key === state.timelineKey) return;
      state.timelineKey = key;
      if (!timelineChart) timelineChart = window.echarts.init($('timeline-chart'));
      timelineChart.setOption({
        animation: false,
        grid: { left: 44, right: 14, top: 34, bottom: 26 },
        legend: { top: 0, left: 0, type: 'scroll', textStyle: { color: '#344054' } },
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        xAxis: { type: 'time', axisLabel: { color: '#667085', hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#667085' },
          splitLine: { lineStyle: { color: '#eef0f3' } } },
        series: timelines.map(t => ({
          name: t.name, type: 'line', showSymbol: true, symbolSize: 5, areaStyle: { opacity: 0.08 },
          data: t.buckets.map(b => [b.start, b.mentions])
        }))
      }, { replaceMerge: ['series'] });
    } catch (e) {
      $('timeline-hint').textContent = 'timeline unavailable: ' + e.message;
    }
  }

  // ---------- tagged article text ----------

  function numberTip(n) {
    const parts = [];
    const value = Number(n.value);
    let figure = isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: 3 }) : String(n.value);
    if (n.kind === 'PERCENT') figure += '%';
    if (n.kind === 'MONEY' && n.currency) figure = n.currency + ' ' + figure;
    if (n.unit) figure += ' ' + n.unit;
    if (n.kind === 'ORDINAL') figure = 'ordinal ' + figure;
    parts.push((QUALIFIERS[n.qualifier] ? QUALIFIERS[n.qualifier] + ' ' : '') + figure);
    if (n.counted) parts.push(n.counted);
    return parts.join(' · ') + '\n' + n.kind.toLowerCase();
  }

  function dateTip(d) {
    return d.value + (d.mod ? ' (' + d.mod.toLowerCase().replace(/_/g, ' ') + ')' : '') + '\n' + d.type.toLowerCase();
  }

  /** The tags of one field as [start, end) spans, sorted; overlapping or out-of-range ones are dropped. */
  function spans(article, field, text) {
    const all = [];
    (article.entities || []).forEach(entity => (entity.mentions || []).forEach(m => {
      if (m.field === field) {
        all.push({ start: m.start, end: m.end, kind: entity.type.toLowerCase(), tip: entity.name + '\n' + entity.type.toLowerCase(),
          value: entity.name });
      }
    }));
    (article.numbers || []).forEach(n => {
      if (n.field === field) all.push({ start: n.start, end: n.end, kind: 'number', tip: numberTip(n), value: String(n.value) });
    });
    (article.dates || []).forEach(d => {
      if (d.field === field) all.push({ start: d.start, end: d.end, kind: 'date', tip: dateTip(d), value: d.value });
    });
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept = [];
    let reached = 0;
    all.forEach(s => {
      if (Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= reached && s.end > s.start &&
          s.end <= text.length) {
        kept.push(s);
        reached = s.end;
      }
    });
    return kept;
  }

  /** The field's text as text nodes, with a mark per tag; nothing of the text is parsed as HTML. */
  function tagged(container, article, field) {
    const text = article[field] || '';
    let at = 0;
    spans(article, field, text).forEach(s => {
      if (s.start > at) container.appendChild(document.createTextNode(text.slice(at, s.start)));
      const mark = el('mark', 'tag tag-' + s.kind, text.slice(s.start, s.end));
      mark.dataset.tip = s.tip;
      mark.dataset.value = s.value;
      mark.dataset.kind = s.kind;
      mark.tabIndex = 0;
      container.appendChild(mark);
      at = s.end;
    });
    if (at < text.length) container.appendChild(document.createTextNode(text.slice(at)));
    return container;
  }

  /**
   * The subjects the provider filed an article under, each a button that lists the articles filed under it. The
   * filter value is the QCode when the scheme has an alias (codes name a subject whatever a provider calls it), else
   * the code or the name; the search API reads all three. A scheme given as a URI cannot prefix a QCode.
   */
  function subjectList(subjects) {
    const list = el('div', 'subjects');
    list.setAttribute('aria-label', 'Filed under');
    (subjects || []).forEach(s => {
      const label = s.name || s.code;
      const button = el('button', 'subject', label);
      button.type = 'button';
      const qcode = s.code && s.scheme && !s.scheme.includes(':') ? s.scheme + ':' + s.code : null;
      button.dataset.subject = qcode || s.code || s.name;
      if (s.code) button.title = qcode || s.code;
      button.addEventListener('click', event => {
        event.stopPropagation();
        searchSubject(button.dataset.subject, label);
      });
      list.appendChild(button);
    });
    return list;
  }

  function articleCard(article, fresh) {
    const card = el('article', 'article' + (fresh ? ' fresh-in' : ''));
    card.dataset.id = article.id;
    card.appendChild(tagged(el('h3', 'headline'), article, 'headline'));
    const meta = [article.source, 'published ' + when(article.publishedAt), 'received ' + when(article.receivedAt)];
    if (article.byline) meta.splice(1, 0, article.byline);
    if (article.version > 1) meta.push('version ' + article.version);
    card.appendChild(el('div', 'meta', meta.join(' · ')));
    if (article.subjects && article.subjects.length) card.appendChild(subjectList(article.subjects));
    card.appendChild(tagged(el('div', 'body'), article, 'body'));
    if ((article.body || '').length > 360) {
      const more = el('button', 'link more', 'show all');
      more.type = 'button';
      more.addEventListener('click', () => {
        const open = card.classList.toggle('open');
        more.textContent = open ? 'show less' : 'show all';
      });
      card.appendChild(more);
    }
    return card;
  }

  async function pollLatest() {
    try {
      const latest = await getJson('/v1/dashboard/latest?size=8');
      const key = latest.articles.map(a => a.id + ':' + a.version).join(',');
      if (key === state.latestKey) return;
      const first = state.latestKey === '';
      state.latestKey = key;
      const root = $('latest');
      hideTip();
      root.replaceChildren();
      if (latest.articles.length === 0) root.appendChild(el('p', 'empty', 'No articles indexed yet.'));
      latest.articles.forEach(a => {
        root.appendChild(articleCard(a, !first && !state.shownIds.has(a.id + ':' + a.version)));
        state.shownIds.add(a.id + ':' + a.version);
      });
    } catch (e) {
      const root = $('latest');
      root.replaceChildren(el('p', 'empty error', 'Latest articles unavailable: ' + e.message));
    }
  }

  // ---------- search ----------

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#x2F': '/', '#x2f': '/' };

  function decode(text) {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name) => {
      if (ENTITIES[name] !== undefined) return ENTITIES[name];
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return whole;
    });
  }

  /**
   * A highlight fragment from the search API (HTML-escaped text whose only markup is <em>) as text nodes and em
   * elements, built by splitting on the two tags: the fragment is never handed to the HTML parser.
   */
  function fragment(container, html) {
    html.split(/(<em>|<\/em>)/).reduce((inside, piece) => {
      if (piece === '<em>') return true;
      if (piece === '</em>') return false;
      if (piece) container.appendChild(inside ? el('em', null, decode(piece)) : document.createTextNode(decode(piece)));
      return inside;
    }, false);
    return container;
  }

  async function search(event) {
    event.preventDefault();
    const q = $('q').value.trim();
    if (!q) {
      $('results').replaceChildren();
      $('opened').replaceChildren();
      $('search-summary').textContent = '';
      return;
    }
    await showResults('/v1/articles?highlight=true&size=10&q=' + encodeURIComponent(q), '');
  }

  /** The articles filed under a subject, in the search panel; the box is cleared, since its words no longer apply. */
  function searchSubject(subject, label) {
    $('q').value = '';
    return showResults('/v1/articles?size=10&subject=' + encodeURIComponent(subject), ' filed under ' + label);
  }

  async function showResults(url, what) {
    const results = $('results');
    results.replaceChildren();
    $('opened').replaceChildren();
    $('search-summary').textContent = 'searching…';
    try {
      const page = await getJson(url);
      $('search-summary').textContent = (page.total === 1 ? '1 article' : count(page.total) + ' articles') + what;
      page.articles.forEach(hit => {
        const item = el('li');
        item.dataset.id = hit.id;
        const h = hit.highlight || {};
        const headline = el('div', 'headline');
        if (h.headline && h.headline.length) fragment(headline, h.headline[0]); else headline.textContent = hit.headline;
        item.appendChild(headline);
        item.appendChild(el('div', 'meta', [hit.source, hit.byline, when(hit.publishedAt)].filter(Boolean).join(' · ')));
        if (hit.subjects && hit.subjects.length) item.appendChild(subjectList(hit.subjects));
        if (h.body && h.body.length) item.appendChild(fragment(el('div', 'fragment'), h.body.join(' … ')));
        item.addEventListener('click', () => open(hit.id));
        results.appendChild(item);
      });
    } catch (e) {
      $('search-summary').textContent = 'Search failed: ' + e.message;
    }
  }

  async function open(id) {
    try {
      const article = await getJson('/v1/articles/' + encodeURIComponent(id));
      const card = articleCard(article, false);
      card.classList.add('open');
      $('opened').replaceChildren(card);
    } catch (e) {
      $('opened').replaceChildren(el('p', 'empty error', e.message));
    }
  }

  // ---------- watches ----------

  /** Saves the words in the search box as a watch under the name typed. */
  async function createWatch(event) {
    event.preventDefault();
    const q = $('q').value.trim();
    const name = $('watch-name').value.trim();
    if (!q || !name) {
      $('watch-summary').textContent = 'Type the words to watch in the search box and a name here.';
      return;
    }
    try {
      const watch = await callJson('/v1/watches', 'POST', { name, q });
      $('watch-name').value = '';
      $('watch-summary').textContent = 'Watching "' + watch.name + '": new matches appear below.';
      await pollWatches();
    } catch (e) {
      $('watch-summary').textContent = 'Not saved: ' + e.message;
    }
  }

  function filtersText(filters) {
    return Object.entries(filters || {}).map(([k, v]) => k + ': ' + (Array.isArray(v) ? v.join(', ') : v)).join(' · ');
  }

  function deliveryText(hook) {
    if (!hook) return 'no webhook';
    if (hook.paused) return 'webhook paused after ' + hook.failures + ' failures: ' + (hook.lastError || '');
    return 'webhook ' + (hook.failures ? hook.failures + ' failing, ' : 'ok, ') + (hook.pending || 0) + ' pending';
  }

  async function pollWatches() {
    let list;
    try {
      list = (await getJson('/v1/watches')).watches;
    } catch (e) {
      $('watch-summary').textContent = 'Watches unavailable: ' + e.message;
      return;
    }
    const items = [];
    for (const watch of list) {
      const item = el('li');
      item.dataset.id = watch.id;
      item.appendChild(el('div', 'name', watch.name));
      item.appendChild(el('div', 'meta', filtersText(watch.filters)));
      const delivery = el('div', 'delivery', deliveryText(watch.webhook));
      if (watch.webhook && watch.webhook.paused) delivery.classList.add('paused');
      item.appendChild(delivery);
      const matches = el('ol', 'matches');
      try {
        const page = await getJson('/v1/watches/' + encodeURIComponent(watch.id) + '/matches?size=5');
        page.matches.forEach(m => {
          const match = el('li', 'match', [m.kind, m.headline, m.source, when(m.publishedAt)].filter(Boolean).join(' · '));
          match.dataset.article = m.articleId;
          matches.appendChild(match);
        });
        if (!page.matches.length) matches.appendChild(el('li', 'empty', 'no match yet'));
      } catch (e) {
        matches.appendChild(el('li', 'empty error', e.message));
      }
      item.appendChild(matches);
      items.push(item);
    }
    $('watches').replaceChildren(...items);
  }

  // ---------- tag tooltips ----------

  /** One floating tip for all marks: article bodies clip their overflow, so a tip inside them would be cut off. */
  function showTip(mark) {
    const tip = $('tip');
    const lines = mark.dataset.tip.split('\n');
    tip.replaceChildren(document.createTextNode(lines[0]));
    if (lines.length > 1) tip.appendChild(el('span', 'kind', lines.slice(1).join(' ')));
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + 'px';
    tip.style.top = (window.scrollY + box.top - tip.offsetHeight - 6) + 'px';
  }

  function hideTip() {
    $('tip').hidden = true;
  }

  function tagEvents() {
    const over = event => {
      const mark = event.target.closest && event.target.closest('mark.tag[data-tip]');
      if (mark) showTip(mark);
    };
    const out = event => {
      const mark = event.target.closest && event.target.closest('mark.tag[data-tip]');
      if (mark) hideTip();
    };
    document.addEventListener('mouseover', over);
    document.addEventListener('focusin', over);
    document.addEventListener('mouseout', out);
    document.addEventListener('focusout', out);
  }

  // ---------- start ----------

  function every(ms, task) {
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try { await task(); } finally { running = false; }
    };
    run();
    return setInterval(run, ms);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('submit', search);
    $('watch-form').addEventListener('submit', createWatch);
    $('key-form').addEventListener('submit', giveKey);
    tagEvents();
    $('timeline-reset').addEventListener('click', () => {
      state.focus = null;
      state.topKey = '';
      $('timeline-reset').hidden = true;
      pollEntities().then(pollTimeline);
    });
    window.addEventListener('resize', () => {
      if (throughputChart) throughputChart.resize();
      if (timelineChart) timelineChart.resize();
    });
    every(POLL_MS, pollPipeline);
    every(POLL_MS, pollLatest);
    every(POLL_MS, async () => {
      const before = JSON.stringify(state.top);
      await pollEntities();
      if (JSON.stringify(state.top) !== before) await pollTimeline();
    });
    every(TIMELINE_MS, pollTimeline);
    every(POLL_MS, pollWatches);
  });
})();
