/* Triangulate web page: one plain script, no build step, no dependencies.
 *
 * Safety: everything that comes from the API (article text, titles, outlets, quotes,
 * claims...) is untrusted. The DOM is built with createElement/createElementNS and
 * textContent only; no innerHTML, no inline handlers, no eval. Links made from data are
 * kept only when they are http(s).
 *
 * Routes (location.hash):
 *   #/                         storylines, stories and search (query: q, outlet, entity,
 *                              from, to, event_type, claim_status, offset)
 *   #/dossier/{id}             dossier of a storyline (l-...) or story (s-...)
 *   {route}/article/{aid}[/{start}-{end}]
 *                              the same, with the article open in the side pane and the
 *                              byte range start..end of its UTF-8 text highlighted
 */
'use strict';

(function () {
  var SVGNS = 'http://www.w3.org/2000/svg';
  var EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
    'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE',
    'ASSAULT'];
  var CLAIM_STATUSES = [
    ['corroborated', 'corroborated'],
    ['single_origin', 'single origin'],
    ['contested', 'contested'],
    ['internally_inconsistent', 'internally inconsistent']
  ];
  var SEARCH_KEYS = ['q', 'outlet', 'origin', 'entity', 'from', 'to', 'event_type', 'claim_status'];
  var FILTER_KEYS = SEARCH_KEYS.slice(1);
  var PAGE = 20;

  var $main = document.getElementById('main');
  var $pane = document.getElementById('pane');
  var $health = document.getElementById('health');

  /* ------------------------------------------------------------------ DOM helpers */

  // append(parent, child, child...) or append(parent, [children]).
  function append(parent, kids) {
    if (arguments.length !== 2 || !Array.isArray(kids)) kids = Array.prototype.slice.call(arguments, 1);
    for (var i = 0; i < kids.length; i++) {
      var k = kids[i];
      if (k == null || k === false) continue;
      if (Array.isArray(k)) append(parent, k);
      else if (typeof k === 'string' || typeof k === 'number') parent.appendChild(document.createTextNode(String(k)));
      else parent.appendChild(k);
    }
    return parent;
  }

  function setProps(e, props) {
    if (!props) return;
    Object.keys(props).forEach(function (k) {
      var v = props[k];
      if (v == null || v === false) return;
      if (k === 'class') e.setAttribute('class', v);
      else if (k === 'text') e.textContent = String(v);
      else if (k === 'testid') e.setAttribute('data-testid', v);
      else if (k === 'data') Object.keys(v).forEach(function (dk) { if (v[dk] != null) e.setAttribute('data-' + dk, String(v[dk])); });
      else if (k.slice(0, 2) === 'on' && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else e.setAttribute(k, String(v));
    });
  }

  // el('div', {class: 'x', text: 'y'}, child, 'text', [more]) - attribute names are always
  // literals of this file, never data.
  function el(tag, props) {
    var e = document.createElement(tag);
    setProps(e, props);
    return append(e, Array.prototype.slice.call(arguments, 2));
  }

  function svgEl(tag, props) {
    var e = document.createElementNS(SVGNS, tag);
    setProps(e, props);
    return append(e, Array.prototype.slice.call(arguments, 2));
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  // Only http(s) URLs from the data become links.
  function safeUrl(u) {
    if (typeof u !== 'string') return null;
    var s = u.trim();
    return /^https?:\/\/[^\s]+$/i.test(s) ? s : null;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : (many || one + 's'));
  }

  function truncate(s, n) {
    s = String(s == null ? '' : s);
    return s.length > n ? s.slice(0, n - 1) + '…' : s;
  }

  function dateRange(first, last) {
    if (!first && !last) return null;
    if (!last || first === last) return first || last;
    if (!first) return last;
    return first + ' – ' + last;
  }

  function badge(text, cls, title) {
    return el('span', { class: 'badge ' + (cls || ''), title: title }, text);
  }

  function statusBadge(status) {
    var label = String(status || '').replace(/_/g, ' ');
    return badge(label, 'st-' + String(status || 'unknown').replace(/[^a-z_]/gi, ''));
  }

  function chips(list, cls) {
    if (!list || !list.length) return null;
    return el('span', { class: 'chips' }, list.map(function (k) { return el('span', { class: 'chip ' + (cls || '') }, k); }));
  }

  function loading(what) {
    return el('p', { class: 'loading', role: 'status', 'aria-busy': 'true' }, 'Loading ' + what + '…');
  }

  function errorBox(err, what) {
    var status = err && err.status;
    return el('div', { class: 'error', role: 'alert', testid: 'error' },
      el('strong', null, (what ? 'Could not load ' + what : 'Error') + (status ? ' (HTTP ' + status + ')' : '') + ': '),
      el('span', { class: 'error-message' }, err && err.message ? err.message : String(err)));
  }

  /* ------------------------------------------------------------------ API */

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }
  ApiError.prototype.toString = function () { return this.message; };

  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .catch(function (e) { throw new ApiError(0, 'network error: ' + (e && e.message ? e.message : e)); })
      .then(function (res) {
        return res.text().then(function (txt) {
          var body = null;
          try { body = JSON.parse(txt); } catch (e) { body = null; }
          if (!res.ok) {
            var msg = body && typeof body.error === 'string' ? body.error
              : (txt && txt.length < 300 ? txt : res.statusText || 'request failed');
            throw new ApiError(res.status, msg);
          }
          if (body === null) throw new ApiError(res.status, 'the server did not send JSON');
          return body;
        });
      });
  }

  var articleCache = new Map();
  function getArticle(id) {
    if (!articleCache.has(id)) {
      var p = api('/api/articles/' + encodeURIComponent(id));
      p.catch(function () { articleCache.delete(id); });
      articleCache.set(id, p);
    }
    return articleCache.get(id);
  }

  /* ------------------------------------------------------------------ byte spans */

  function utf8Len(cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  // UTF-8 byte range [start, end) of text -> UTF-16 range [i, j), or null when outside.
  function byteSpanToIndices(text, start, end) {
    start = Number(start); end = Number(end);
    if (!isFinite(start) || !isFinite(end) || start < 0 || end < start) return null;
    var b = 0, i = 0, from = -1, to = -1;
    while (i < text.length) {
      if (from < 0 && b >= start) from = i;
      if (b >= end) { to = i; break; }
      var cp = text.codePointAt(i);
      b += utf8Len(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    if (from < 0 && b >= start) from = i;
    if (to < 0 && b >= end) to = i;
    if (from < 0 || to < 0) return null;
    return [from, to];
  }

  /* ------------------------------------------------------------------ routing */

  function enc(s) { return encodeURIComponent(s); }

  function parseHash() {
    var h = location.hash.replace(/^#/, '');
    if (h.charAt(0) !== '/') h = '/' + h;
    var qi = h.indexOf('?');
    var path = qi >= 0 ? h.slice(0, qi) : h;
    var query = qi >= 0 ? h.slice(qi + 1) : '';
    var segs = path.split('/').filter(Boolean).map(function (s) {
      try { return decodeURIComponent(s); } catch (e) { return s; }
    });
    var article = null;
    var ai = segs.indexOf('article');
    if (ai >= 0 && segs[ai + 1]) {
      article = { id: segs[ai + 1], start: null, end: null };
      var m = /^(\d+)-(\d+)$/.exec(segs[ai + 2] || '');
      if (m) { article.start = Number(m[1]); article.end = Number(m[2]); }
      segs = segs.slice(0, ai);
    }
    return { segs: segs, query: query, params: new URLSearchParams(query), article: article, baseKey: segs.join('/') + '?' + query };
  }

  var current = parseHash();

  function basePath(r) {
    return '#/' + r.segs.map(enc).join('/');
  }

  function baseHref(r) {
    return basePath(r) + (r.query ? '?' + r.query : '');
  }

  // The hash that opens article aid (with bytes start..end highlighted) over the current view.
  function articleHref(aid, start, end) {
    var p = basePath(current).replace(/\/$/, '');
    p += '/article/' + enc(aid);
    if (start != null && end != null) p += '/' + Number(start) + '-' + Number(end);
    if (current.query) p += '?' + current.query;
    return p;
  }

  function dossierHref(id) { return '#/dossier/' + enc(id); }

  var baseToken = 0;
  function route() {
    var r = parseHash();
    var baseChanged = r.baseKey !== current.baseKey || !$main.dataset.rendered;
    current = r;
    if (baseChanged) {
      $main.dataset.rendered = '1';
      renderBase(r);
    }
    renderPane(r);
  }

  function renderBase(r) {
    var token = ++baseToken;
    var stillCurrent = function () { return token === baseToken; };
    clear($main);
    window.scrollTo(0, 0);
    if (r.segs.length === 0) return renderHome(r, stillCurrent);
    if (r.segs[0] === 'dossier' && r.segs[1]) return renderDossier(r.segs[1], stillCurrent);
    document.title = 'Not found · Triangulate';
    append($main, el('h1', null, 'Not found'),
      el('p', null, 'There is no page here. ', el('a', { href: '#/' }, 'Back to the stories')));
  }

  /* ------------------------------------------------------------------ home */

  function renderHome(r, stillCurrent) {
    document.title = 'Triangulate';
    var params = r.params;
    var searching = SEARCH_KEYS.some(function (k) { return params.get(k); });
    var outletList = el('datalist', { id: 'outlet-options' });
    var originList = el('datalist', { id: 'origin-options' });
    var form = searchForm(params, outletList, originList);
    var results = el('section', { class: 'results', 'aria-label': 'Search results', testid: 'search-results' });
    var lines = el('section', { class: 'storylines', 'aria-label': 'Storylines' }, loading('storylines'));
    append($main, el('h1', { class: 'visually-hidden' }, 'Stories'), form, outletList, originList, results, lines);
    if (searching) runSearch(params, results, stillCurrent);

    Promise.all([api('/api/storylines'), api('/api/stories')]).then(function (res) {
      if (!stillCurrent()) return;
      var storylines = (res[0] && res[0].storylines) || [];
      var stories = (res[1] && res[1].stories) || [];
      var outlets = new Set();
      storylines.forEach(function (l) { (l.outlets || []).forEach(function (o) { outlets.add(o); }); });
      stories.forEach(function (s) { (s.outlets || []).forEach(function (o) { outlets.add(o); }); });
      Array.from(outlets).sort().forEach(function (o) { outletList.appendChild(el('option', { value: o })); });
      var origins = new Set();
      stories.forEach(function (s) { Object.keys(s.origins || {}).forEach(function (o) { origins.add(o); }); });
      Array.from(origins).sort().forEach(function (o) { originList.appendChild(el('option', { value: o })); });
      renderStorylines(lines, storylines, stories);
    }).catch(function (e) {
      if (!stillCurrent()) return;
      clear(lines).appendChild(errorBox(e, 'the storylines'));
    });
  }

  function searchForm(params, outletList, originList) {
    var input = function (name, label, type, extra) {
      var id = 'f-' + name;
      var props = { id: id, name: name, type: type || 'text', value: params.get(name) || '' };
      Object.keys(extra || {}).forEach(function (k) { props[k] = extra[k]; });
      return el('label', { class: 'field', for: id }, el('span', null, label), el('input', props));
    };
    var select = function (name, label, options) {
      var id = 'f-' + name;
      var sel = el('select', { id: id, name: name },
        el('option', { value: '' }, 'any'),
        options.map(function (o) { return el('option', { value: o[0] }, o[1]); }));
      sel.value = params.get(name) || '';
      return el('label', { class: 'field', for: id }, el('span', null, label), sel);
    };
    var q = el('input', {
      id: 'f-q', name: 'q', type: 'search', value: params.get('q') || '', testid: 'search-input',
      placeholder: 'Search the articles…', 'aria-label': 'Search the articles', autocomplete: 'off'
    });
    var hasFilters = FILTER_KEYS.some(function (k) { return params.get(k); });
    var filters = el('details', { class: 'filters', open: hasFilters },
      el('summary', null, 'Filters'),
      el('div', { class: 'filter-grid' },
        input('outlet', 'Outlet', 'text', { list: outletList.id, autocomplete: 'off' }),
        input('origin', 'Origin', 'text', { list: originList.id, autocomplete: 'off', placeholder: 'Reuters' }),
        input('entity', 'Entity', 'text', { placeholder: 'Vladimir Putin', autocomplete: 'off' }),
        input('from', 'From', 'date'),
        input('to', 'To', 'date'),
        select('event_type', 'Event type', EVENT_TYPES.map(function (t) { return [t, t]; })),
        select('claim_status', 'Claim status', CLAIM_STATUSES)));
    var form = el('form', { class: 'search', role: 'search', testid: 'search-form', action: '#', method: 'get' },
      el('div', { class: 'search-row' }, q,
        el('button', { type: 'submit', class: 'primary' }, 'Search'),
        el('a', { href: '#/', class: 'button subtle', testid: 'search-clear' }, 'Clear')),
      filters);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var p = new URLSearchParams();
      SEARCH_KEYS.forEach(function (k) {
        var f = form.elements.namedItem(k);
        var v = f && f.value ? f.value.trim() : '';
        if (v) p.set(k, v);
      });
      var s = p.toString();
      location.hash = s ? '#/?' + s : '#/';
    });
    return form;
  }

  function runSearch(params, box, stillCurrent) {
    var offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    var qs = new URLSearchParams();
    SEARCH_KEYS.forEach(function (k) { if (params.get(k)) qs.set(k, params.get(k)); });
    qs.set('limit', String(PAGE));
    qs.set('offset', String(offset));
    append(clear(box), loading('results'));
    api('/api/search?' + qs.toString()).then(function (res) {
      if (!stillCurrent()) return;
      clear(box);
      var list = (res && res.results) || [];
      var total = typeof res.total === 'number' ? res.total : list.length;
      append(box, el('h2', null, 'Results ',
        el('span', { class: 'muted', testid: 'search-total' }, total === 0 ? '(none)' :
          '(' + (offset + 1) + '–' + (offset + list.length) + ' of ' + total + ')')));
      if (!list.length) {
        box.appendChild(el('p', { class: 'empty' }, 'No article matches.'));
        return;
      }
      box.appendChild(el('ol', { class: 'result-list', start: offset + 1 }, list.map(resultItem)));
      var nav = el('div', { class: 'pager' });
      var page = function (o, label) {
        var p = new URLSearchParams(params.toString());
        if (o > 0) p.set('offset', String(o)); else p.delete('offset');
        return el('a', { class: 'button', href: '#/?' + p.toString() }, label);
      };
      if (offset > 0) nav.appendChild(page(Math.max(0, offset - PAGE), '← Previous'));
      if (offset + list.length < total) nav.appendChild(page(offset + PAGE, 'Next →'));
      if (nav.firstChild) box.appendChild(nav);
    }).catch(function (e) {
      if (!stillCurrent()) return;
      clear(box).appendChild(errorBox(e, 'the search results'));
    });
  }

  function publishedOf(a) {
    if (!a || !a.published) return null;
    return typeof a.published === 'string' ? a.published : a.published.value || null;
  }

  function resultItem(r) {
    var title = r.title || (r.outlet ? r.outlet + ' article ' : 'Article ') + String(r.id).slice(0, 8);
    return el('li', { class: 'result', testid: 'search-result', data: { article: r.id } },
      el('a', { class: 'result-title', href: articleHref(r.id), testid: 'search-result-link' }, title),
      el('div', { class: 'meta' },
        r.outlet ? el('span', null, r.outlet) : null,
        publishedOf(r) ? el('span', null, publishedOf(r)) : null,
        r.language ? el('span', null, r.language) : null,
        r.story ? el('a', { href: dossierHref(r.story) }, 'story dossier') : null,
        r.storyline ? el('a', { href: dossierHref(r.storyline) }, 'storyline dossier') : null),
      r.snippet ? el('p', { class: 'snippet' }, r.snippet) : null);
  }

  function storyTitle(s) {
    var withTitle = (s.articles || []).filter(function (a) { return a.title; })[0];
    if (withTitle) return withTitle.title;
    var kw = (s.keywords || []).slice(0, 4).join(', ');
    var who = (s.outlets || []).join(', ') || Object.keys(s.origins || {}).join(', ');
    return (who ? who + ': ' : 'Story: ') + (kw || s.id);
  }

  function originsList(origins) {
    if (!origins) return null;
    var pairs = Array.isArray(origins) ? origins : Object.keys(origins).map(function (k) { return [k, origins[k]]; });
    if (!pairs.length) return null;
    return el('span', { class: 'origins' }, pairs.map(function (p) {
      return el('span', { class: 'chip origin' }, p[0] + (p[1] > 1 ? ' ×' + p[1] : ''));
    }));
  }

  function renderStorylines(box, storylines, stories) {
    clear(box);
    var byId = new Map();
    stories.forEach(function (s) { byId.set(s.id, s); });
    if (!storylines.length) {
      append(box, el('div', { class: 'empty' },
        el('h2', null, 'No stories yet'),
        el('p', null, 'Add articles with POST /api/articles (with the server\'s token), then reload.')));
      return;
    }
    append(box, el('h2', null, plural(storylines.length, 'storyline')));
    storylines.forEach(function (l) {
      var listed = (l.stories || []).map(function (id) { return byId.get(id); }).filter(Boolean);
      listed.forEach(function (s) { byId.delete(s.id); });
      box.appendChild(storylineCard(l, listed));
    });
    if (byId.size) {
      box.appendChild(storylineCard({ id: null, title: 'Stories outside any storyline', articles: 0, outlets: [], keywords: [] },
        Array.from(byId.values())));
    }
  }

  function storylineCard(l, stories) {
    var title = l.title || ((l.keywords || []).length ? (l.keywords || []).slice(0, 5).join(' · ') : 'Storyline ' + l.id);
    var head = el('header', { class: 'card-head' },
      el('h3', null, l.id ? el('a', { href: dossierHref(l.id), testid: 'storyline-link' }, title) : title),
      el('div', { class: 'meta' },
        l.articles ? el('span', null, plural(l.articles, 'article')) : null,
        stories.length ? el('span', null, plural(stories.length, 'story', 'stories')) : null,
        dateRange(l.first, l.last) ? el('span', null, dateRange(l.first, l.last)) : null,
        l.id ? el('code', { class: 'id' }, l.id) : null),
      (l.outlets || []).length ? el('div', { class: 'meta' }, el('span', { class: 'label' }, 'Outlets'), chips(l.outlets)) : null,
      (l.keywords || []).length ? el('div', { class: 'meta' }, el('span', { class: 'label' }, 'Keywords'), chips(l.keywords, 'kw')) : null,
      l.id ? el('a', { class: 'button primary open-dossier', href: dossierHref(l.id) }, 'Open dossier') : null);
    return el('article', { class: 'card storyline', testid: 'storyline', data: { id: l.id } },
      head,
      el('ul', { class: 'story-list' }, stories.map(storyItem)));
  }

  function storyItem(s) {
    var arts = s.articles || [];
    return el('li', { class: 'story', testid: 'story', data: { id: s.id } },
      el('a', { class: 'story-link', href: dossierHref(s.id), testid: 'story-link' }, storyTitle(s)),
      el('div', { class: 'meta' },
        el('span', null, plural(s.size != null ? s.size : arts.length, 'article')),
        dateRange(s.first, s.last) ? el('span', null, dateRange(s.first, s.last)) : null,
        (s.outlets || []).length ? el('span', null, s.outlets.join(', ')) : null,
        el('code', { class: 'id' }, s.id)),
      originsList(s.origins) ? el('div', { class: 'meta' }, el('span', { class: 'label' }, 'Origins'), originsList(s.origins)) : null,
      (s.keywords || []).length ? el('div', { class: 'meta' }, el('span', { class: 'label' }, 'Keywords'), chips(s.keywords, 'kw')) : null,
      arts.length ? el('details', { class: 'story-articles' },
        el('summary', null, 'Articles'),
        el('ul', null, arts.map(function (a) {
          return el('li', null,
            el('a', { href: articleHref(a.id), testid: 'story-article' }, a.title || (a.outlet || 'Article') + ' ' + String(a.id).slice(0, 8)),
            el('span', { class: 'muted' },
              [a.published, a.outlet, a.origin ? 'origin ' + a.origin + (a.origin_inferred_from ? ' (inferred)' : '') : null,
                a.copy_of ? 'copy of ' + String(a.copy_of).slice(0, 8) : null].filter(Boolean).map(function (x) { return ' · ' + x; }).join('')));
        }))) : null);
  }

  /* ------------------------------------------------------------------ dossier */

  function renderDossier(id, stillCurrent) {
    document.title = 'Dossier ' + id + ' · Triangulate';
    append($main, el('p', { class: 'crumbs' }, el('a', { href: '#/' }, '← Stories')), loading('the dossier'));
    api('/api/dossiers/' + enc(id)).then(function (d) {
      if (!stillCurrent()) return;
      clear($main);
      buildDossier(d, id);
      // An article opened by the URL before the dossier arrived: mark its fact.
      markActiveFact();
    }).catch(function (e) {
      if (!stillCurrent()) return;
      clear($main);
      append($main, el('p', { class: 'crumbs' }, el('a', { href: '#/' }, '← Stories')),
        el('h1', null, 'Dossier ', el('code', null, id)), errorBox(e, 'the dossier'));
    });
  }

  function buildDossier(d, id) {
    var arts = d.articles || [];
    var artIndex = new Map();
    arts.forEach(function (a, i) { artIndex.set(a.id, { n: i + 1, a: a }); });
    var artLabel = function (aid) {
      var x = artIndex.get(aid);
      if (!x) return String(aid).slice(0, 8);
      return '#' + x.n + ' ' + (x.a.outlet || x.a.origin || String(aid).slice(0, 8));
    };
    var artTitle = function (aid) {
      var x = artIndex.get(aid);
      if (!x) return aid;
      return [x.a.title, x.a.outlet, x.a.published, 'origin ' + x.a.origin, aid].filter(Boolean).join(' · ');
    };
    var ctx = { artLabel: artLabel, artTitle: artTitle, artIndex: artIndex };
    var s = d.summary || {};
    var isStory = /^s-/.test(d.id || id);

    var sections = [
      ['claims', 'Claims', (d.claims || []).length],
      ['timeline', 'Timeline', (d.timeline || []).length],
      ['actors', 'Actors', (d.actors || []).length],
      ['quotes', 'Quotes', (d.quotes || []).length],
      ['figures', 'Figures', (d.figures || []).length],
      ['flags', 'Flags', (d.flags || []).length],
      ['articles', 'Articles', arts.length],
      ['provenance', 'Provenance', ((d.provenance || {}).nodes || []).length]
    ];
    var nav = el('nav', { class: 'section-nav', 'aria-label': 'Sections' }, sections.map(function (x) {
      return el('button', {
        type: 'button', class: 'nav-item', onclick: function () {
          var t = document.getElementById('sec-' + x[0]);
          if (t) t.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }
      }, x[1], el('span', { class: 'count' }, String(x[2])));
    }));

    var fmt = function (f, label) {
      return el('a', { href: '/api/dossiers/' + enc(d.id || id) + '?format=' + f, target: '_blank', rel: 'noopener', class: 'button subtle small' }, label);
    };

    var stats = el('div', { class: 'stats' },
      stat(s.articles, 'articles'),
      stat((s.outlets || []).length, 'outlets'),
      stat((s.origins || []).length, 'independent origins'),
      stat(s.corroborated, 'corroborated', 'st-corroborated'),
      stat(s.single_origin, 'single origin', 'st-single_origin'),
      stat(s.contested, 'contested', 'st-contested'),
      stat(s.internally_inconsistent, 'internally inconsistent', 'st-internally_inconsistent'),
      stat(s.predictions, 'predictions'),
      stat(s.past_due, 'past due', 'due-past'));

    append($main,
      el('p', { class: 'crumbs' }, el('a', { href: '#/' }, '← Stories')),
      el('header', { class: 'dossier-head', testid: 'dossier' },
        el('h1', null, isStory ? 'Story dossier ' : 'Storyline dossier ', el('code', null, d.id || id)),
        el('div', { class: 'meta' },
          dateRange(s.first, s.last) ? el('span', null, dateRange(s.first, s.last)) : null,
          (s.outlets || []).length ? el('span', null, 'Outlets: ' + s.outlets.join(', ')) : null),
        originsList(s.origins) ? el('div', { class: 'meta' }, el('span', { class: 'label' }, 'Origins'), originsList(s.origins)) : null,
        s.text ? el('p', { class: 'summary', testid: 'summary' }, s.text) : null,
        stats,
        storiesLine(d, isStory),
        el('div', { class: 'downloads' }, el('span', { class: 'label' }, 'Download'), fmt('html', 'HTML'), fmt('markdown', 'Markdown'), fmt('text', 'Text'))),
      nav,
      claimsSection(d.claims || [], ctx),
      timelineSection(d.timeline || [], ctx),
      actorsSection(d.actors || [], ctx),
      quotesSection(d.quotes || [], ctx),
      figuresSection(d.figures || [], ctx),
      flagsSection(d.flags || [], ctx),
      articlesSection(arts),
      provenanceSection(d.provenance || { nodes: [], edges: [] }, ctx));
  }

  function stat(n, label, cls) {
    if (n == null) return null;
    return el('div', { class: 'stat ' + (cls || '') + (n === 0 ? ' zero' : '') }, el('strong', null, String(n)), el('span', null, label));
  }

  function storiesLine(d, isStory) {
    var st = d.stories || [];
    if (isStory || st.length === 0) return null;
    return el('div', { class: 'meta' }, el('span', { class: 'label' }, 'Stories'),
      st.map(function (x) {
        return el('a', { class: 'chip link', href: dossierHref(x.id), testid: 'story-link' },
          x.id + ' (' + plural((x.articles || []).length, 'article') + ((x.origins || []).length ? ', ' + x.origins.join(', ') : '') + ')');
      }));
  }

  function section(key, title, count, intro) {
    var body = el('div', { class: 'section-body' });
    var sec = el('section', { class: 'dsec', id: 'sec-' + key, 'aria-labelledby': 'h-' + key },
      el('h2', { id: 'h-' + key }, title, ' ', el('span', { class: 'count' }, String(count))),
      intro ? el('p', { class: 'intro muted' }, intro) : null,
      body);
    return { sec: sec, body: body };
  }

  // A clickable fact: a link to the article with its byte span highlighted.
  function factLink(aid, span, testid, cls, kids) {
    var hasSpan = span && span.start != null && span.end != null;
    return el('a', {
      class: 'fact ' + (cls || ''), testid: testid,
      href: articleHref(aid, hasSpan ? span.start : null, hasSpan ? span.end : null),
      data: { article: aid, start: hasSpan ? span.start : null, end: hasSpan ? span.end : null }
    }, kids);
  }

  function dueBadge(c) {
    if (!c.due && !c.due_status) return null;
    var ds = String(c.due_status || '');
    var cls = ds === 'past due' ? 'due-past' : ds === 'due' ? 'due-now' : 'due-open';
    return badge('prediction' + (c.due ? ' due ' + c.due : '') + (ds ? ' (' + ds + ')' : ''), 'due ' + cls);
  }

  function claimsSection(claims, ctx) {
    var s = section('claims', 'Claims', claims.length,
      'What the articles say, grouped; a claim is corroborated when two independent origins or more make it. Click a sentence to read it in its article.');
    if (!claims.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No claims.')); return s.sec; }

    var counts = {};
    claims.forEach(function (c) { counts[c.status] = (counts[c.status] || 0) + 1; });
    var predictions = claims.filter(function (c) { return c.kind === 'prediction' || c.due; }).length;
    var multi = claims.filter(function (c) { return (c.articles || []).length > 1; }).length;
    var filter = { status: '', text: '' };
    var rows = [];

    var chipButtons = [];
    var mkChip = function (value, label, n) {
      var b = el('button', { type: 'button', class: 'filter-chip', 'aria-pressed': value === '' ? 'true' : 'false', data: { value: value } },
        label, el('span', { class: 'count' }, String(n)));
      b.addEventListener('click', function () {
        filter.status = value;
        chipButtons.forEach(function (x) { x.setAttribute('aria-pressed', x === b ? 'true' : 'false'); });
        apply();
      });
      chipButtons.push(b);
      return b;
    };
    var textInput = el('input', { type: 'search', class: 'claim-filter', placeholder: 'Filter claims…', 'aria-label': 'Filter claims' });
    textInput.addEventListener('input', function () { filter.text = textInput.value.trim().toLowerCase(); apply(); });
    var shown = el('span', { class: 'muted shown' });

    var bar = el('div', { class: 'filter-bar' },
      mkChip('', 'all', claims.length),
      CLAIM_STATUSES.filter(function (x) { return counts[x[0]]; }).map(function (x) { return mkChip(x[0], x[1], counts[x[0]]); }),
      predictions ? mkChip('prediction', 'predictions', predictions) : null,
      multi ? mkChip('multi', '2+ articles', multi) : null,
      textInput, shown);

    var tbody = el('tbody');
    claims.forEach(function (c) {
      var tr = claimRow(c, ctx);
      rows.push({ tr: tr, c: c, hay: (String(c.text) + ' ' + (c.label || '') + ' ' + (c.origins || []).join(' ')).toLowerCase() });
      tbody.appendChild(tr);
    });

    function apply() {
      var n = 0;
      rows.forEach(function (r) {
        var c = r.c, ok = true;
        if (filter.status === 'prediction') ok = c.kind === 'prediction' || !!c.due;
        else if (filter.status === 'multi') ok = (c.articles || []).length > 1;
        else if (filter.status) ok = c.status === filter.status;
        if (ok && filter.text) ok = r.hay.indexOf(filter.text) >= 0;
        r.tr.hidden = !ok;
        if (ok) n++;
      });
      shown.textContent = n === rows.length ? '' : n + ' shown';
    }

    append(s.body, bar, el('div', { class: 'table-wrap' },
      el('table', { class: 'claims cards', testid: 'claims-table' },
        el('thead', null, el('tr', null,
          el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col' }, 'Claim'), el('th', { scope: 'col' }, 'Origins'),
          el('th', { scope: 'col', class: 'num' }, 'Articles'), el('th', { scope: 'col' }, 'Support'))),
        tbody)));
    return s.sec;
  }

  function claimRow(c, ctx) {
    var support = c.support || [];
    var tr = el('tr', {
      class: 'claim-row', testid: 'claim-row', id: 'claim-' + String(c.id).replace(/[^\w-]/g, ''),
      data: { 'claim-id': c.id, status: c.status, kind: c.kind }, tabindex: '0', 'aria-expanded': 'false'
    },
      el('td', { class: 'status', 'data-label': 'Status' },
        statusBadge(c.status), dueBadge(c), c.kind ? badge(c.kind, 'kind') : null),
      el('td', { class: 'claim', 'data-label': 'Claim' },
        el('span', { class: 'claim-id' }, c.id),
        c.label ? el('strong', { class: 'claim-label' }, c.label) : null,
        el('span', { class: 'claim-text', testid: 'claim-text' }, c.text),
        (c.conflicts || []).length ? el('ul', { class: 'conflicts' }, c.conflicts.map(function (x) { return el('li', null, x); })) : null),
      el('td', { class: 'origins-cell', 'data-label': 'Origins' },
        (c.origins || []).length ? chips(c.origins, 'origin') : el('span', { class: 'muted' }, 'none')),
      el('td', { class: 'num', 'data-label': 'Articles', title: (c.articles || []).map(ctx.artTitle).join('\n') }, String((c.articles || []).length)),
      el('td', { class: 'support-cell', 'data-label': 'Support' },
        el('ol', { class: 'support-list' }, support.map(function (sp) {
          return el('li', null, factLink(sp.article, sp.span, 'support', 'support', [
            el('span', { class: 'support-meta' },
              el('span', { class: 'origin-name' }, sp.origin || '?'),
              el('span', { class: 'art', title: ctx.artTitle(sp.article) }, ctx.artLabel(sp.article)),
              sp.source && sp.source !== sp.origin ? el('span', { class: 'src' }, 'via ' + sp.source) : null,
              sp.negated ? badge('negated or hedged', 'neg') : null),
            el('span', { class: 'support-text' }, sp.sentence || '(sentence)')
          ]));
        }))));
    var toggle = function (ev) {
      if (ev.target.closest && ev.target.closest('a')) return;
      var open = tr.classList.toggle('open');
      tr.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', function (ev) {
      if ((ev.key === 'Enter' || ev.key === ' ') && ev.target === tr) { ev.preventDefault(); toggle(ev); }
    });
    return tr;
  }

  function timelineSection(entries, ctx) {
    var s = section('timeline', 'Timeline', entries.length, 'Dated events, predictions by their due date, and flags.');
    if (!entries.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No dated statements.')); return s.sec; }
    var groups = [];
    entries.forEach(function (t) {
      var g = groups[groups.length - 1];
      if (!g || g.date !== t.date) groups.push(g = { date: t.date, items: [] });
      g.items.push(t);
    });
    s.body.appendChild(el('ol', { class: 'timeline' }, groups.map(function (g) {
      return el('li', { class: 'tl-group' },
        el('div', { class: 'tl-date' }, el('time', null, g.date || 'undated')),
        el('ul', { class: 'tl-items' }, g.items.map(function (t) {
          var aid = (t.articles || [])[0];
          var more = (t.articles || []).length - 1;
          var kids = [
            badge(t.kind || 'event', 'tl-kind k-' + String(t.kind || 'event').replace(/[^a-z]/gi, '')),
            el('span', { class: 'tl-text' }, t.text),
            el('span', { class: 'muted tl-art', title: (t.articles || []).map(ctx.artTitle).join('\n') },
              aid ? ctx.artLabel(aid) + (more > 0 ? ' +' + more : '') : '')
          ];
          return el('li', null, aid ? factLink(aid, t.span, 'timeline-entry', 'tl-entry', kids)
            : el('span', { class: 'fact tl-entry', testid: 'timeline-entry' }, kids));
        })));
    })));
    return s.sec;
  }

  function actorsSection(actors, ctx) {
    var s = section('actors', 'Actors', actors.length, 'Who demands, threatens, refuses, offers, accuses or endorses what.');
    if (!actors.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No positions.')); return s.sec; }
    s.body.appendChild(el('div', { class: 'actor-grid' }, actors.map(function (a, i) {
      var pos = a.positions || [];
      return el('details', { class: 'actor card', open: i < 4 },
        el('summary', null, el('strong', null, a.actor), a.code ? el('span', { class: 'muted' }, ' ' + a.code) : null,
          el('span', { class: 'count' }, String(pos.length))),
        el('ul', { class: 'positions' }, pos.map(function (p) {
          var aid = (p.articles || [])[0];
          var kids = [
            badge(p.category, 'cat'),
            p.negated ? badge('not', 'neg') : null,
            p.modality && p.modality !== 'asserted' ? badge(p.modality, 'modality') : null,
            el('span', { class: 'pos-text' }, p.text),
            (p.recipient || []).length ? el('span', { class: 'muted' }, ' → ' + p.recipient.join(', ')) : null,
            el('span', { class: 'muted small' }, aid ? ' · ' + ctx.artLabel(aid) : '')
          ];
          return el('li', null, aid ? factLink(aid, p.span, 'position', 'position', kids) : el('span', { class: 'fact' }, kids));
        })));
    })));
    return s.sec;
  }

  function quotesSection(speakers, ctx) {
    var total = speakers.reduce(function (n, sp) { return n + (sp.quotes || []).length; }, 0);
    var s = section('quotes', 'Quotes', total, 'What each speaker is reported to have said, and through which outlet.');
    if (!speakers.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No quotes.')); return s.sec; }
    s.body.appendChild(el('div', { class: 'speaker-grid' }, speakers.map(function (sp) {
      return el('section', { class: 'speaker card', testid: 'speaker' },
        el('h3', null, sp.speaker, sp.kind ? el('span', { class: 'muted small' }, ' ' + sp.kind) : null),
        el('ul', { class: 'quote-list' }, (sp.quotes || []).map(function (q) {
          return el('li', null, factLink(q.article, q.span, 'quote', 'quote', [
            el('q', { class: 'quote-text' }, q.text),
            el('span', { class: 'meta small' },
              q.kind ? el('span', null, q.kind) : null,
              q.via ? el('span', null, 'via ' + q.via) : null,
              el('span', { title: ctx.artTitle(q.article) }, ctx.artLabel(q.article)))
          ]));
        })));
    })));
    return s.sec;
  }

  function figuresSection(figures, ctx) {
    var s = section('figures', 'Figures', figures.length, 'Counts and measures, with who gives them.');
    if (!figures.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No figures.')); return s.sec; }
    var num = function (v) { return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(v == null ? '' : v); };
    s.body.appendChild(el('div', { class: 'table-wrap' }, el('table', { class: 'figures cards' },
      el('thead', null, el('tr', null, ['Figure', 'Value', 'Period', 'Source', 'Article'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
      el('tbody', null, figures.map(function (f) {
        var link = factLink(f.article, f.span, null, 'figure-link', f.text);
        var tr = el('tr', { class: 'clickable', testid: 'figure', data: { article: f.article, start: f.span && f.span.start, end: f.span && f.span.end } },
          el('td', { 'data-label': 'Figure' }, link),
          el('td', { 'data-label': 'Value' }, num(f.value) + (f.unit ? ' ' + f.unit : '')),
          el('td', { 'data-label': 'Period' }, f.period || ''),
          el('td', { 'data-label': 'Source' }, f.source || ''),
          el('td', { 'data-label': 'Article', title: ctx.artTitle(f.article) }, ctx.artLabel(f.article)));
        tr.addEventListener('click', function (ev) {
          if (ev.target.closest && ev.target.closest('a')) return;
          location.hash = link.getAttribute('href');
        });
        return tr;
      })))));
    return s.sec;
  }

  function flagsSection(flags, ctx) {
    var s = section('flags', 'Flags', flags.length, 'Dates an article gets wrong about itself.');
    if (!flags.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No flags.')); return s.sec; }
    s.body.appendChild(el('ul', { class: 'flag-list' }, flags.map(function (f) {
      return el('li', null, factLink(f.article, f.span, 'flag', 'flag', [
        el('strong', { class: 'flag-text' }, f.text),
        el('span', { class: 'flag-expl' }, f.explanation),
        el('span', { class: 'muted small', title: ctx.artTitle(f.article) }, ctx.artLabel(f.article))
      ]));
    })));
    return s.sec;
  }

  function articlesSection(arts) {
    var s = section('articles', 'Articles', arts.length, null);
    if (!arts.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No articles.')); return s.sec; }
    s.body.appendChild(el('div', { class: 'table-wrap' }, el('table', { class: 'articles cards' },
      el('thead', null, el('tr', null, ['#', 'Date', 'Outlet', 'Title', 'Origin', 'Story'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
      el('tbody', null, arts.map(function (a, i) {
        return el('tr', { testid: 'dossier-article', data: { article: a.id } },
          el('td', { 'data-label': '#' }, String(i + 1)),
          el('td', { 'data-label': 'Date' }, a.published || ''),
          el('td', { 'data-label': 'Outlet' }, a.outlet || ''),
          el('td', { 'data-label': 'Title' }, el('a', { href: articleHref(a.id), testid: 'article-link' }, a.title || '(untitled) ' + String(a.id).slice(0, 8)),
            a.copy_of ? el('span', { class: 'muted small' }, ' copy of ' + String(a.copy_of).slice(0, 8)) : null),
          el('td', { 'data-label': 'Origin' }, a.origin || ''),
          el('td', { 'data-label': 'Story' }, a.story ? el('a', { href: dossierHref(a.story) }, a.story) : ''));
      })))));
    return s.sec;
  }

  /* ------------------------------------------------------------------ provenance graph */

  function provenanceSection(g, ctx) {
    var nodes = g.nodes || [], edges = g.edges || [];
    var s = section('provenance', 'Provenance', nodes.length,
      'Who publishes, retells, copies and cites whom: outlet → article → cited outlet → source. Click an article to read it.');
    if (!nodes.length) { s.body.appendChild(el('p', { class: 'empty' }, 'No provenance.')); return s.sec; }
    var sources = nodes.filter(function (n) { return n.kind === 'source'; }).length;
    var showSources = sources <= 12;
    var wrap = el('div', { class: 'graph-wrap' });
    var legend = el('div', { class: 'legend' });
    var draw = function () {
      var ns = showSources ? nodes : nodes.filter(function (n) { return n.kind !== 'source'; });
      var keep = new Set(ns.map(function (n) { return n.id; }));
      var es = edges.filter(function (e) { return keep.has(e.from) && keep.has(e.to); });
      var kinds = Array.from(new Set(es.map(function (e) { return e.kind; })));
      var nkinds = Array.from(new Set(ns.map(function (n) { return n.kind; })));
      append(clear(legend),
        nkinds.map(function (k) { return el('span', { class: 'lg node-' + cssKey(k) }, el('i', null), k); }),
        kinds.map(function (k) { return el('span', { class: 'lg edge-' + cssKey(k) }, el('b', null), k); }));
      append(clear(wrap), drawGraph(ns, es, ctx));
    };
    var toggle = null;
    if (sources) {
      var cb = el('input', { type: 'checkbox', checked: showSources, testid: 'graph-sources' });
      cb.addEventListener('change', function () { showSources = cb.checked; draw(); });
      toggle = el('label', { class: 'graph-toggle' }, cb, ' show the ' + plural(sources, 'quoted source'));
    }
    draw();
    append(s.body, el('div', { class: 'graph-tools' }, legend, toggle), wrap);
    return s.sec;
  }

  function cssKey(k) { return String(k || 'other').toLowerCase().replace(/[^a-z0-9]/g, '') || 'other'; }

  function drawGraph(nodes, edges, ctx) {
    var byId = new Map();
    nodes.forEach(function (n, i) { byId.set(n.id, { n: n, i: i, layer: 0, order: i, ins: [], outs: [] }); });
    var es = edges.filter(function (e) { return byId.has(e.from) && byId.has(e.to) && e.from !== e.to; });
    es.forEach(function (e) { byId.get(e.from).outs.push(e); byId.get(e.to).ins.push(e); });

    // Columns by role: publishing outlets, articles, the outlets articles retell or cite,
    // then the sources quoted. Edges that do not go rightwards are drawn as loops.
    var colOf = function (x) {
      var k = x.n.kind;
      if (k === 'article') return 1;
      if (k === 'source') return 3;
      if (k === 'outlet') {
        return x.ins.some(function (e) { return byId.get(e.from).n.kind === 'article'; }) ? 2 : 0;
      }
      return 2;
    };
    var layers = [[], [], [], []];
    nodes.forEach(function (n) {
      var x = byId.get(n.id);
      x.layer = colOf(x);
      layers[x.layer].push(x);
    });
    layers = layers.filter(function (l) { return l.length; });
    layers.forEach(function (l, i) { l.forEach(function (x) { x.layer = i; }); });
    var back = new Set(es.filter(function (e) { return byId.get(e.to).layer <= byId.get(e.from).layer; }));

    // Barycenter ordering, a few sweeps down and up.
    var pos = function (x) { return x.order; };
    var sortLayer = function (layer, neighbours) {
      layer.forEach(function (x) {
        var ns = neighbours(x);
        x.bary = ns.length ? ns.reduce(function (a, y) { return a + pos(y); }, 0) / ns.length : x.order;
      });
      layer.sort(function (a, b) { return a.bary - b.bary || a.i - b.i; });
      layer.forEach(function (x, k) { x.order = k; });
    };
    layers.forEach(function (layer) { layer.forEach(function (x, k) { x.order = k; }); });
    for (var sweep = 0; sweep < 4; sweep++) {
      for (var a = 1; a < layers.length; a++) {
        sortLayer(layers[a], function (x) { return x.ins.filter(function (e) { return !back.has(e); }).map(function (e) { return byId.get(e.from); }).filter(function (y) { return y.layer === x.layer - 1; }); });
      }
      for (var b = layers.length - 2; b >= 0; b--) {
        sortLayer(layers[b], function (x) { return x.outs.filter(function (e) { return !back.has(e); }).map(function (e) { return byId.get(e.to); }).filter(function (y) { return y.layer === x.layer + 1; }); });
      }
    }

    var NW = 210, NH = 24, COL = 280, ROW = 30, PAD = 16;
    var maxRows = layers.reduce(function (m, l) { return Math.max(m, l.length); }, 1);
    var width = PAD * 2 + (layers.length - 1) * COL + NW + 60;
    var height = PAD * 2 + (maxRows - 1) * ROW + NH;
    // The tallest column is stacked; every other column, outwards from it, sits next to
    // the nodes it links to, in its order, ROW apart, within the drawing.
    var big = 0;
    layers.forEach(function (l, i) { if (l.length > layers[big].length) big = i; });
    layers[big].forEach(function (x, k) { x.x = PAD + big * COL; x.y = PAD + k * ROW; x.placed = true; });
    var orderOut = [];
    for (var dist = 1; dist < layers.length; dist++) {
      if (big - dist >= 0) orderOut.push(big - dist);
      if (big + dist < layers.length) orderOut.push(big + dist);
    }
    var top = PAD, bottom = height - PAD - NH;
    orderOut.forEach(function (L) {
      var layer = layers[L];
      var blockTop = (height - (layer.length - 1) * ROW - NH) / 2;
      layer.forEach(function (x, k) {
        var ys = [];
        x.ins.concat(x.outs).forEach(function (e) {
          var y = byId.get(e.from === x.n.id ? e.to : e.from);
          if (y.placed && y !== x) ys.push(y.y);
        });
        x.want = ys.length ? ys.reduce(function (a, b) { return a + b; }, 0) / ys.length : blockTop + k * ROW;
      });
      var prev = -Infinity;
      layer.forEach(function (x) { x.y = Math.max(x.want, prev + ROW, top); prev = x.y; });
      var next = Infinity;
      for (var k = layer.length - 1; k >= 0; k--) {
        layer[k].y = Math.min(layer[k].y, next - ROW, bottom);
        next = layer[k].y;
      }
      layer.forEach(function (x) { x.x = PAD + L * COL; x.y = Math.round(x.y); x.placed = true; });
    });

    var svg = svgEl('svg', {
      class: 'provenance', testid: 'provenance-graph', role: 'img',
      'aria-label': 'Provenance graph: ' + plural(nodes.length, 'node') + ', ' + plural(es.length, 'edge'),
      viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, preserveAspectRatio: 'xMinYMin meet'
    });
    var defs = svgEl('defs');
    var kinds = Array.from(new Set(es.map(function (e) { return cssKey(e.kind); })));
    kinds.forEach(function (k) {
      defs.appendChild(svgEl('marker', {
        id: 'arrow-' + k, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '8', markerHeight: '8',
        markerUnits: 'userSpaceOnUse', orient: 'auto', class: 'arrow edge-' + k
      }, svgEl('path', { d: 'M0,0 L10,5 L0,10 z' })));
    });
    svg.appendChild(defs);
    var edgeLayer = svgEl('g', { class: 'edges' });
    var nodeLayer = svgEl('g', { class: 'nodes' });
    svg.appendChild(edgeLayer);
    svg.appendChild(nodeLayer);

    var edgeEls = new Map();
    var pairs = new Map();
    es.forEach(function (e) {
      var key = e.from + '>' + e.to;
      pairs.set(key, (pairs.get(key) || 0) + 1);
    });
    var seen = new Map();
    es.forEach(function (e) {
      var f = byId.get(e.from), t = byId.get(e.to);
      var key = e.from + '>' + e.to;
      var nth = seen.get(key) || 0;
      seen.set(key, nth + 1);
      var shift = (nth - (pairs.get(key) - 1) / 2) * 5;
      var d;
      var x1, y1, x2, y2;
      if (t.layer > f.layer) {
        x1 = f.x + NW; y1 = f.y + NH / 2 + shift; x2 = t.x; y2 = t.y + NH / 2 + shift;
        var mx = (x1 + x2) / 2;
        d = 'M' + x1 + ',' + y1 + ' C' + mx + ',' + y1 + ' ' + mx + ',' + y2 + ' ' + x2 + ',' + y2;
      } else {
        // Same layer or backwards: loop around the right side.
        x1 = f.x + NW; y1 = f.y + NH / 2 + shift; x2 = t.x + NW; y2 = t.y + NH / 2 + shift;
        var bulge = Math.max(x1, x2) + 40 + Math.abs(y2 - y1) * 0.15;
        d = 'M' + x1 + ',' + y1 + ' C' + bulge + ',' + y1 + ' ' + bulge + ',' + y2 + ' ' + x2 + ',' + y2;
      }
      var count = Number(e.count) || 1;
      var path = svgEl('path', {
        d: d, class: 'edge edge-' + cssKey(e.kind), 'marker-end': 'url(#arrow-' + cssKey(e.kind) + ')',
        'stroke-width': String(Math.min(6, 1.2 + Math.log2(count)))
      }, svgEl('title', null, f.n.label + ' ' + e.kind + ' ' + t.n.label + (count > 1 ? ' (×' + count + ')' : '')));
      edgeLayer.appendChild(path);
      [e.from, e.to].forEach(function (id) {
        if (!edgeEls.has(id)) edgeEls.set(id, []);
        edgeEls.get(id).push(path);
      });
    });

    nodes.forEach(function (n) {
      var x = byId.get(n.id);
      var isArticle = n.kind === 'article';
      var aid = isArticle ? String(n.id).replace(/^article:/, '') : null;
      var label = isArticle && ctx.artIndex.has(aid) ? ctx.artLabel(aid) + ' · ' + (ctx.artIndex.get(aid).a.published || n.label) : n.label;
      var g = svgEl('g', { class: 'node node-' + cssKey(n.kind), transform: 'translate(' + x.x + ',' + x.y + ')', data: { node: n.id } },
        svgEl('title', null, n.kind + ': ' + (isArticle ? ctx.artTitle(aid) : n.label)),
        svgEl('rect', { width: NW, height: NH, rx: n.kind === 'source' ? 13 : 4 }),
        svgEl('text', { x: 8, y: NH / 2 + 4 }, truncate(label, 30)));
      var hi = function (on) {
        g.classList.toggle('hover', on);
        (edgeEls.get(n.id) || []).forEach(function (p) { p.classList.toggle('hover', on); });
        svg.classList.toggle('dim', on);
      };
      g.addEventListener('mouseenter', function () { hi(true); });
      g.addEventListener('mouseleave', function () { hi(false); });
      if (isArticle) {
        var link = svgEl('a', { href: articleHref(aid), class: 'node-link', testid: 'graph-article' });
        link.appendChild(g);
        nodeLayer.appendChild(link);
      } else {
        nodeLayer.appendChild(g);
      }
    });
    return svg;
  }

  /* ------------------------------------------------------------------ article pane */

  var paneToken = 0;
  var lastFocus = null;

  function closePane() {
    location.hash = baseHref(current);
  }

  function renderPane(r) {
    var token = ++paneToken;
    if (!r.article) {
      if (!$pane.hidden) {
        $pane.hidden = true;
        clear($pane);
        document.body.classList.remove('pane-open');
        markActiveFact();
        if (lastFocus && document.contains(lastFocus)) lastFocus.focus({ preventScroll: true });
      }
      return;
    }
    if ($pane.hidden) lastFocus = document.activeElement;
    $pane.hidden = false;
    document.body.classList.add('pane-open');
    var closeBtn = el('button', { type: 'button', class: 'close', 'aria-label': 'Close the article', testid: 'pane-close', onclick: closePane }, '×');
    var headTitle = el('h2', { class: 'pane-title', id: 'pane-title', tabindex: '-1' }, 'Article ' + r.article.id);
    var body = el('div', { class: 'pane-body' }, loading('the article'));
    append(clear($pane), el('div', { class: 'pane-bar' }, headTitle, closeBtn), body);
    $pane.setAttribute('aria-labelledby', 'pane-title');
    markActiveFact();
    getArticle(r.article.id).then(function (a) {
      if (token !== paneToken) return;
      headTitle.textContent = a.title || [a.outlet || 'Untitled article', publishedOf(a)].filter(Boolean).join(' · ');
      clear(body);
      append(body, articleMeta(a));
      var text = typeof a.text === 'string' ? a.text : '';
      var textBox = el('div', { class: 'article-text', testid: 'article-text', lang: a.language || null });
      var mark = null;
      if (r.article.start != null) {
        var ix = byteSpanToIndices(text, r.article.start, r.article.end);
        if (ix) {
          mark = el('mark', {
            class: 'hl', testid: 'hl', id: 'hl',
            data: { article: a.id, start: r.article.start, end: r.article.end }
          }, text.slice(ix[0], ix[1]));
          append(textBox, text.slice(0, ix[0]), mark, text.slice(ix[1]));
        } else {
          body.appendChild(el('p', { class: 'error', role: 'alert' },
            'The highlighted range (bytes ' + r.article.start + '–' + r.article.end + ') is outside this article\'s text.'));
          textBox.textContent = text;
        }
      } else {
        textBox.textContent = text;
      }
      body.appendChild(textBox);
      $pane.scrollTop = 0;
      if (mark) {
        requestAnimationFrame(function () {
          if (token !== paneToken) return;
          scrollMarkIntoView(mark);
        });
      }
      headTitle.focus({ preventScroll: true });
    }).catch(function (e) {
      if (token !== paneToken) return;
      clear(body).appendChild(errorBox(e, 'the article'));
    });
  }

  // Scroll the pane (not the page) so that the mark sits in its middle; on a phone the
  // pane is a fixed overlay, which is its own scroller too.
  function scrollMarkIntoView(mark) {
    var pr = $pane.getBoundingClientRect();
    var mr = mark.getBoundingClientRect();
    var bar = $pane.querySelector('.pane-bar');
    var barH = bar ? bar.getBoundingClientRect().height : 0;
    var visible = pr.height - barH;
    var delta = mr.top - pr.top - barH - Math.max(8, (visible - mr.height) / 2);
    $pane.scrollTop = Math.max(0, $pane.scrollTop + delta);
  }

  function articleMeta(a) {
    var url = safeUrl(a.url);
    var pub = a.published && typeof a.published === 'object' ? a.published : (a.published ? { value: a.published } : null);
    return el('div', { class: 'article-meta' },
      el('div', { class: 'meta' },
        a.outlet ? el('span', { class: 'outlet' }, a.outlet) : null,
        a.byline ? el('span', null, 'by ' + a.byline) : null,
        pub && pub.value ? el('span', { title: pub.source ? 'date from ' + pub.source : null }, pub.value) : null,
        a.language ? el('span', null, a.language) : null,
        el('code', { class: 'id' }, a.id)),
      url ? el('div', { class: 'meta' }, el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'ext' }, truncate(url, 80)))
        : (a.url ? el('div', { class: 'meta muted' }, truncate(String(a.url), 80)) : null),
      (a.story || a.storyline) ? el('div', { class: 'meta' },
        a.story ? el('a', { href: dossierHref(a.story), testid: 'pane-story-link' }, 'Story dossier') : null,
        a.storyline ? el('a', { href: dossierHref(a.storyline) }, 'Storyline dossier') : null) : null);
  }

  // Mark the fact whose article and span are open in the pane.
  function markActiveFact() {
    var prev = $main.querySelectorAll('.fact.active, tr.active');
    for (var i = 0; i < prev.length; i++) prev[i].classList.remove('active');
    var a = current.article;
    if (!a || a.start == null) return;
    var sel = $main.querySelectorAll('[data-article][data-start]');
    for (var j = 0; j < sel.length; j++) {
      var x = sel[j];
      if (x.getAttribute('data-article') === a.id && Number(x.getAttribute('data-start')) === a.start &&
          Number(x.getAttribute('data-end')) === a.end) x.classList.add('active');
    }
  }

  /* ------------------------------------------------------------------ start */

  function loadHealth() {
    api('/api/health').then(function (h) {
      clear($health);
      append($health, el('span', { class: 'dot ok', 'aria-hidden': 'true' }),
        plural(Number(h.articles) || 0, 'article') + (h.version ? ' · v' + h.version : ''));
    }).catch(function (e) {
      clear($health);
      append($health, el('span', { class: 'dot bad', 'aria-hidden': 'true' }), 'server unavailable: ' + e.message);
    });
  }

  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && current.article) closePane();
  });
  window.addEventListener('hashchange', route);
  loadHealth();
  route();
})();
