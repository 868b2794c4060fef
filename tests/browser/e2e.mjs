// Real-browser end-to-end tests of the `triangulate serve` web page.
//
// Starts `$TRIANGULATE_BIN --db TMP/db.sqlite serve --port 0 --token TESTTOKEN`, ingests
// the five seed articles through POST /api/articles, then drives Debian's Chromium
// (playwright-core, no downloaded browser) on a laptop (1280x800) and a phone (390x844):
// stories, a dossier, a claim's supporting sentence highlighted in its article (checked
// against the byte span of the article's text), the other clickable facts, search, error
// states, and an article full of markup that must stay text. Screenshots go to
// target/browser/. Exits 1 on the first failure; the server is always stopped.
//
//   node tests/browser/e2e.mjs            (or tests/browser/run.sh)
//   TRIANGULATE_BIN=path/to/triangulate CHROMIUM=/usr/bin/chromium node tests/browser/e2e.mjs

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.resolve(ROOT, process.env.TRIANGULATE_BIN || 'target/release/triangulate');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = path.join(ROOT, 'target', 'browser');
const SEEDS = path.join(ROOT, 'examples', 'seeds');
const TOKEN = 'TESTTOKEN';
// The analyst's publication dates of the seeds (examples/seeds-expected.json; the files
// of 001-004 say nothing that dates them). 000 is dated by its toutiao URL id.
const SEED_DATES = { '001': '2025-08-05', '002': '2025-08-05', '003': '2025-08-05', '004': '2025-05-18' };
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server = null;
let serverLog = '';
let browser = null;
let tmp = null;
let passed = 0;

class Failure extends Error {}
function fail(msg) { throw new Failure(msg); }
function check(cond, msg) { if (!cond) fail(msg); }
function eq(actual, expected, what) {
  if (actual !== expected) fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (e) {
    e.message = `${name}: ${e.message}`;
    throw e;
  }
  passed++;
  console.log(`ok ${passed} - ${name} (${Date.now() - t0} ms)`);
}

/* ------------------------------------------------------------------ server */

function startServer() {
  return new Promise((resolve, reject) => {
    const db = path.join(tmp, 'db.sqlite');
    server = spawn(BIN, ['--db', db, 'serve', '--port', '0', '--token', TOKEN], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RUST_BACKTRACE: '1' },
    });
    const timer = setTimeout(() => reject(new Failure(`the server printed no "listening on" line in 60 s:\n${serverLog}`)), 60000);
    const onData = (chunk) => {
      serverLog += chunk.toString();
      // Only a whole line: stderr may arrive cut inside the address.
      const m = /listening on (http:\/\/[^\s]+)[ \t]*\r?\n/.exec(serverLog);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    server.stderr.on('data', onData);
    server.stdout.on('data', onData);
    server.on('error', (e) => { clearTimeout(timer); reject(new Failure(`cannot start ${BIN}: ${e.message}`)); });
    server.on('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Failure(`the server exited (${code ?? sig}) before listening:\n${serverLog}`));
    });
  });
}

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const s = server;
    setTimeout(() => { if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL'); }, 3000).unref();
  }
}

/* ------------------------------------------------------------------ API helpers */

let BASE = null;

async function apiGet(p) {
  const res = await fetch(BASE + p, { signal: AbortSignal.timeout(120000) });
  const text = await res.text();
  let body;
  try { body = JSON.parse(text); } catch { fail(`GET ${p}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`); }
  return { status: res.status, body, headers: res.headers };
}

async function apiOk(p) {
  const r = await apiGet(p);
  if (r.status !== 200) fail(`GET ${p}: HTTP ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

async function post(p, body, contentType) {
  const res = await fetch(BASE + p, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': contentType },
    body,
    signal: AbortSignal.timeout(300000),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* reported below */ }
  return { status: res.status, body: json, text };
}

const articleTexts = new Map();
async function articleText(id) {
  if (!articleTexts.has(id)) articleTexts.set(id, (await apiOk(`/api/articles/${encodeURIComponent(id)}`)).text);
  return articleTexts.get(id);
}

// The text at a byte span of an article's UTF-8 text, as the page must highlight it.
async function spanText(id, start, end) {
  const bytes = Buffer.from(await articleText(id), 'utf8');
  check(end <= bytes.length && start <= end, `span ${start}-${end} is outside article ${id} (${bytes.length} bytes)`);
  return bytes.subarray(start, end).toString('utf8');
}

// Whether the text before byte `start` has characters beyond ASCII (so byte and UTF-16
// offsets differ).
async function nonAsciiBefore(id, start) {
  const bytes = Buffer.from(await articleText(id), 'utf8');
  return bytes.subarray(0, start).toString('utf8').length !== start;
}

/* ------------------------------------------------------------------ page helpers */

function watch(page, label) {
  const errors = [];
  const state = { errors, allow: [], dialogs: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (state.allow.some((re) => re.test(text))) return;
    errors.push(`[${label}] console error: ${text}`);
  });
  page.on('pageerror', (e) => errors.push(`[${label}] page error: ${e.message}`));
  page.on('dialog', (d) => {
    state.dialogs.push(`${d.type()}: ${d.message()}`);
    errors.push(`[${label}] a dialog opened: ${d.type()} ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('requestfailed', (r) => {
    const u = r.url();
    if (!u.startsWith(BASE)) errors.push(`[${label}] request outside the server: ${u}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(BASE) && !u.startsWith('data:')) errors.push(`[${label}] request outside the server: ${u}`);
  });
  return state;
}

function noErrors(state) {
  if (state.errors.length) fail(`errors in the browser:\n  ${state.errors.join('\n  ')}`);
}

// Clicks a fact (support sentence, timeline entry, quote, figure, flag) and checks that
// the article pane opens with exactly the text of its byte span in mark.hl, in view.
async function clickFactAndCheck(page, fact, what) {
  await fact.scrollIntoViewIfNeeded();
  const aid = await fact.getAttribute('data-article');
  const start = Number(await fact.getAttribute('data-start'));
  const end = Number(await fact.getAttribute('data-end'));
  check(aid && Number.isFinite(start) && Number.isFinite(end), `${what} has no data-article/data-start/data-end`);
  const expected = await spanText(aid, start, end);
  await fact.click();
  const pane = page.getByTestId('article-pane');
  await pane.waitFor({ state: 'visible' });
  // The mark of this very span (the pane may still show the previous one for a moment).
  const mark = pane.locator(`mark.hl[data-testid="hl"][data-article="${aid}"][data-start="${start}"][data-end="${end}"]`);
  await mark.waitFor({ state: 'visible' });
  eq(await pane.locator('mark').count(), 1, `${what}: marks in the pane`);
  eq(await mark.textContent(), expected, `${what}: highlighted text of ${aid} bytes ${start}-${end}`);
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  check(hash.includes(`/article/${aid}/${start}-${end}`), `${what}: the URL hash ${hash} does not name the article and span`);
  // In view: the mark's box overlaps the visible part of the pane.
  await page.waitForTimeout(150);
  const inView = await page.evaluate(() => {
    const m = document.querySelector('#pane mark.hl');
    const p = document.getElementById('pane');
    if (!m || !p) return false;
    const a = m.getBoundingClientRect(), b = p.getBoundingClientRect();
    const top = Math.max(b.top, 0), bottom = Math.min(b.bottom, window.innerHeight);
    return a.bottom > top && a.top < bottom;
  });
  check(inView, `${what}: the highlighted sentence is not scrolled into view`);
  return { aid, start, end, expected };
}

async function noHorizontalOverflow(page, what) {
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(w[0] <= w[1] + 1, `${what}: the page is ${w[0]} px wide in a ${w[1]} px viewport (horizontal overflow)`);
}

/* ------------------------------------------------------------------ the XSS article */

const XSS = {
  title: '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> Café “strike” in Lyon',
  outlet: '<img src=x onerror="window.__xss=7">Zeta Wire',
  url: 'javascript:window.__xss=3',
  text: [
    'Café workers in Lyon went on strike on 3 March 2025, and police arrested 12 protesters near the town hall, '
      + 'Zeta Wire reported. <script>window.__xss=1</script> The union, which calls its campaign Zyxwvutq, said the strike would continue.',
    'The mayor, Grégoire Dupré, said “we will not accept violence in our streets” <img src=x onerror="window.__xss=2"> '
      + 'in a statement on Tuesday, 4 March 2025.',
    'Police said <svg onload="window.__xss=4"> the protest was peaceful until the evening, when '
      + '<a href="javascript:window.__xss=5">several hundred people</a> marched to the prefecture and blocked the bridge.',
    'Officials said 40 people were injured in the clashes "><iframe srcdoc="<script>parent.__xss=6</script>"></iframe>, '
      + 'and the union threatened new strikes next week, according to Jean-Pierre Lefèvre, a spokesman for the CGT union.',
    'The regional council <body onload="window.__xss=8"><object data="javascript:window.__xss=9"></object> will meet on Friday '
      + 'to discuss the strike, a spokeswoman for the council said on Wednesday.',
].join('\n\n'),
};

// Runs in the page before its script: records any element or attribute that only
// article markup could have created.
function installTrap() {
  window.__bad = [];
  const inspect = (node) => {
    if (!(node instanceof Element)) return;
    const all = [node, ...node.querySelectorAll('*')];
    for (const e of all) {
      const tag = e.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'img', 'frame', 'base', 'meta', 'link', 'style'].includes(tag)
        && !(tag === 'script' && e.getAttribute('src') === '/static/app.js')
        && !(tag === 'link' && e.closest('head'))
        && !(tag === 'meta' && e.closest('head'))) {
        window.__bad.push(`<${tag}> element`);
      }
      for (const a of e.getAttributeNames()) {
        const v = e.getAttribute(a) || '';
        if (/^on/i.test(a)) window.__bad.push(`${tag}[${a}]`);
        if (/^\s*javascript:/i.test(v)) window.__bad.push(`${tag}[${a}=${v}]`);
        if (a === 'srcdoc') window.__bad.push(`${tag}[srcdoc]`);
      }
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach(inspect);
      if (r.type === 'attributes') inspect(r.target);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/* ------------------------------------------------------------------ the tests */

async function main() {
  check(fs.existsSync(BIN), `no binary at ${BIN}: run cargo build --release (or set TRIANGULATE_BIN)`);
  check(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM)`);
  fs.mkdirSync(OUT, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'triangulate-e2e-'));

  await step('server starts and says where it listens', async () => {
    BASE = await startServer();
    const h = await apiOk('/api/health');
    eq(h.status, 'ok', 'health status');
  });

  await step('the page and its assets are served with the CSP', async () => {
    for (const [p, type] of [['/', 'text/html'], ['/static/app.js', 'javascript'], ['/static/app.css', 'text/css']]) {
      const res = await fetch(BASE + p);
      eq(res.status, 200, `GET ${p}`);
      check((res.headers.get('content-type') || '').includes(type), `GET ${p}: content-type ${res.headers.get('content-type')}`);
      check((res.headers.get('content-security-policy') || '').includes("script-src 'self'"), `GET ${p}: no strict CSP header`);
    }
  });

  await step('seeds ingested through POST /api/articles', async () => {
    const files = fs.readdirSync(SEEDS).filter((f) => /^00\d_.*\.txt$/.test(f)).sort();
    eq(files.length, 5, 'seed files');
    const ordered = [...files.filter((f) => !f.startsWith('000')), ...files.filter((f) => f.startsWith('000'))];
    for (const f of ordered) {
      const date = SEED_DATES[f.slice(0, 3)];
      const q = date ? `?published=${date}` : '';
      const r = await post(`/api/articles${q}`, fs.readFileSync(path.join(SEEDS, f)), 'text/plain; charset=utf-8');
      check(r.status === 201, `POST ${f}: HTTP ${r.status}: ${r.text.slice(0, 300)}`);
      eq(r.body && r.body.inserted && r.body.inserted.length, 1, `POST ${f}: inserted ids`);
    }
    const h = await apiOk('/api/health');
    eq(h.articles, 5, 'articles in the store');
    const unauth = await fetch(BASE + '/api/articles', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } });
    check(unauth.status === 401 || unauth.status === 403, `POST without the token: HTTP ${unauth.status}`);
  });

  // What the page should show, from the API.
  const lines = (await apiOk('/api/storylines')).storylines;
  check(lines.length >= 1, 'no storyline');
  const line = lines.find((l) => (l.stories || []).length >= 3) || lines[0];
  const dossier = await apiOk(`/api/dossiers/${line.id}`);
  const corroborated = dossier.claims.filter((c) => c.status === 'corroborated');
  check(corroborated.length > 0, `dossier ${line.id} has no corroborated claim`);
  const claim = corroborated.find((c) => /four (ukrainian |eastern )?regions/i.test(c.text)) || corroborated[0];
  const firstSupport = claim.support[0];
  let nonAsciiSupport = null;
  for (const c of dossier.claims) {
    for (const s of c.support) {
      if (!nonAsciiSupport && await nonAsciiBefore(s.article, s.span.start)) nonAsciiSupport = { claim: c, support: s };
    }
  }

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS });

  /* ---------------------------------------------------------------- laptop */
  const laptop = await browser.newContext({ viewport: LAPTOP, deviceScaleFactor: 1 });
  await laptop.addInitScript(installTrap);
  const page = await laptop.newPage();
  page.setDefaultTimeout(20000);
  const w = watch(page, 'laptop');

  await step('home lists the storyline and its stories', async () => {
    await page.goto(BASE + '/');
    const card = page.locator(`[data-testid="storyline"][data-id="${line.id}"]`);
    await card.waitFor();
    eq(await card.getByTestId('story-link').count(), line.stories.length, 'story links in the storyline');
    for (const sid of line.stories) {
      check(await card.locator(`a[data-testid="story-link"][href="#/dossier/${sid}"]`).count() === 1, `no link to story ${sid}`);
    }
    const health = await page.locator('#health').textContent();
    check(/5 articles/.test(health), `health line says ${JSON.stringify(health)}`);
    await page.getByTestId('search-input').waitFor();
    await noHorizontalOverflow(page, 'home (laptop)');
    await page.screenshot({ path: path.join(OUT, 'home.png') });
    noErrors(w);
  });

  await step('the storyline opens its dossier', async () => {
    await page.locator(`[data-testid="storyline"][data-id="${line.id}"] [data-testid="storyline-link"]`).click();
    await page.getByTestId('claim-row').first().waitFor();
    eq(await page.evaluate(() => location.hash), `#/dossier/${line.id}`, 'hash');
    eq(await page.getByTestId('claim-row').count(), dossier.claims.length, 'claim rows');
    const summary = await page.getByTestId('summary').textContent();
    eq(summary, dossier.summary.text, 'summary text');
    const badge = page.locator(`[data-testid="claim-row"][data-claim-id="${claim.id}"] .badge.st-corroborated`);
    eq(await badge.textContent(), 'corroborated', 'status badge');
    eq(await page.getByTestId('timeline-entry').count(), dossier.timeline.length, 'timeline entries');
    eq(await page.getByTestId('quote').count(), dossier.quotes.reduce((n, s) => n + s.quotes.length, 0), 'quotes');
    eq(await page.getByTestId('figure').count(), dossier.figures.length, 'figures');
    eq(await page.getByTestId('flag').count(), dossier.flags.length, 'flags');
    const graph = page.getByTestId('provenance-graph');
    await graph.waitFor();
    const labels = await graph.locator('text').allTextContents();
    check(labels.length >= 3, `the provenance graph has ${labels.length} labels`);
    check(await graph.locator('path.edge').count() >= 2, 'the provenance graph has no edges');
    for (const o of dossier.summary.outlets) check(labels.some((l) => l.includes(o)), `outlet ${o} missing from the provenance graph`);
    await noHorizontalOverflow(page, 'dossier (laptop)');
    await page.screenshot({ path: path.join(OUT, 'dossier.png') });
    noErrors(w);
  });

  await step(`claim ${claim.id} (${claim.text.slice(0, 50)}…): its first support sentence is highlighted in its article`, async () => {
    const row = page.locator(`[data-testid="claim-row"][data-claim-id="${claim.id}"]`);
    await row.scrollIntoViewIfNeeded();
    await row.locator('.claim-text').click();
    eq(await row.getAttribute('aria-expanded'), 'true', 'the claim row opens on click');
    const support = row.getByTestId('support').first();
    eq(await support.getAttribute('data-article'), firstSupport.article, 'support article');
    eq(Number(await support.getAttribute('data-start')), firstSupport.span.start, 'support start');
    eq(Number(await support.getAttribute('data-end')), firstSupport.span.end, 'support end');
    const got = await clickFactAndCheck(page, support, 'support');
    eq(got.expected, firstSupport.sentence, 'the API sentence is the text at its span');
    const box = await page.getByTestId('article-pane').boundingBox();
    check(box.x > LAPTOP.width * 0.3 && box.width < LAPTOP.width * 0.7, `on a laptop the pane is a side pane (got ${JSON.stringify(box)})`);
    check(await page.getByTestId('claim-row').first().isVisible(), 'the dossier stays visible beside the pane');
    await page.screenshot({ path: path.join(OUT, 'claim-sentence.png') });
    noErrors(w);
  });

  await step('back closes the pane; the link opens it again', async () => {
    const url = page.url();
    await page.goBack();
    await page.getByTestId('article-pane').waitFor({ state: 'hidden' });
    eq(await page.evaluate(() => location.hash), `#/dossier/${line.id}`, 'hash after back');
    await page.goForward();
    await page.locator('#pane mark.hl').waitFor();
    const fresh = await laptop.newPage();
    const w2 = watch(fresh, 'laptop-link');
    await fresh.goto(url);
    await fresh.locator('#pane mark.hl').waitFor();
    eq(await fresh.locator('#pane mark.hl').textContent(), firstSupport.sentence, 'highlight from a pasted link');
    await fresh.keyboard.press('Escape');
    await fresh.getByTestId('article-pane').waitFor({ state: 'hidden' });
    noErrors(w2);
    await fresh.close();
  });

  if (nonAsciiSupport) {
    await step(`a span after non-ASCII text (claim ${nonAsciiSupport.claim.id}) is converted from bytes`, async () => {
      const s = nonAsciiSupport.support;
      const fact = page.locator(`[data-testid="claim-row"][data-claim-id="${nonAsciiSupport.claim.id}"] `
        + `[data-testid="support"][data-article="${s.article}"][data-start="${s.span.start}"]`).first();
      const got = await clickFactAndCheck(page, fact, 'non-ASCII support');
      eq(got.expected, s.sentence, 'sentence');
    });
  }

  for (const kind of ['timeline-entry', 'quote', 'figure', 'flag', 'position']) {
    const facts = page.locator(`[data-testid="${kind}"]:visible`);
    const n = await facts.count();
    if (!n) continue;
    await step(`a ${kind} opens its article at its span`, async () => {
      // The last one: further down its article than the first, usually after non-ASCII text.
      await clickFactAndCheck(page, facts.nth(n - 1), kind);
      await clickFactAndCheck(page, facts.first(), kind);
      noErrors(w);
    });
  }

  await step('the close button closes the pane', async () => {
    await page.getByTestId('pane-close').click();
    await page.getByTestId('article-pane').waitFor({ state: 'hidden' });
    eq(await page.evaluate(() => location.hash), `#/dossier/${line.id}`, 'hash after close');
  });

  await step('search finds articles and opens one', async () => {
    await page.goto(BASE + '/#/');
    const input = page.getByTestId('search-input');
    await input.fill('Kremlin');
    await input.press('Enter');
    await page.getByTestId('search-result').first().waitFor();
    const api = await apiOk('/api/search?q=Kremlin&limit=20');
    check(api.total > 0, 'the API finds nothing for Kremlin');
    eq(await page.getByTestId('search-result').count(), api.results.length, 'search results');
    const first = api.results[0];
    await page.getByTestId('search-result').first().getByTestId('search-result-link').click();
    await page.getByTestId('article-text').waitFor();
    eq(await page.getByTestId('article-text').textContent(), await articleText(first.id), 'article text in the pane');
    check((await page.evaluate(() => location.hash)).includes('q=Kremlin'), 'the search stays in the URL');
    check(await page.getByTestId('search-result').first().isVisible(), 'the results stay beside the pane');
    noErrors(w);
  });

  await step('search filters (outlet, dates) reach the API', async () => {
    await page.goto(BASE + '/#/?q=Putin&outlet=UNN&from=2025-05-01&to=2025-05-31');
    await page.getByTestId('search-total').waitFor();
    const api = await apiOk('/api/search?q=Putin&outlet=UNN&from=2025-05-01&to=2025-05-31&limit=20');
    eq(await page.getByTestId('search-result').count(), api.results.length, 'filtered results');
    eq(await page.locator('#f-outlet').inputValue(), 'UNN', 'outlet filter kept in the form');
    noErrors(w);
  });

  await step('API errors are shown with their message', async () => {
    const missing = await apiGet('/api/dossiers/l-000000000000');
    check(missing.status >= 400 && typeof missing.body.error === 'string', `GET a missing dossier: HTTP ${missing.status} ${JSON.stringify(missing.body)}`);
    w.allow.push(/Failed to load resource/);
    await page.goto(BASE + '/#/dossier/l-000000000000');
    const err = page.getByTestId('error');
    await err.waitFor();
    const text = await err.textContent();
    check(text.includes(missing.body.error) && text.includes(String(missing.status)), `error box says ${JSON.stringify(text)}`);
    await page.goto(`${BASE}/#/dossier/${line.id}/article/0000000000000000/0-5`);
    await page.locator('#pane [data-testid="error"]').waitFor();
    w.allow.pop();
    noErrors(w);
  });

  /* ---------------------------------------------------------------- phone */
  await step('phone: dossier, sentence in a full-screen overlay, close', async () => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.addInitScript(installTrap);
    const p = await phone.newPage();
    p.setDefaultTimeout(20000);
    const pw = watch(p, 'phone');
    await p.goto(BASE + '/');
    await p.getByTestId('storyline').first().waitFor();
    await noHorizontalOverflow(p, 'home (phone)');
    await p.goto(`${BASE}/#/dossier/${line.id}`);
    await p.getByTestId('claim-row').first().waitFor();
    await noHorizontalOverflow(p, 'dossier (phone)');
    await p.screenshot({ path: path.join(OUT, 'phone-dossier.png') });
    const row = p.locator(`[data-testid="claim-row"][data-claim-id="${claim.id}"]`);
    await row.scrollIntoViewIfNeeded();
    await row.locator('.claim-text').tap();
    await clickFactAndCheck(p, row.getByTestId('support').first(), 'phone support');
    const box = await p.getByTestId('article-pane').boundingBox();
    check(box.x <= 1 && box.y <= 1 && box.width >= PHONE.width - 1 && box.height >= PHONE.height - 1,
      `on a phone the pane covers the screen (got ${JSON.stringify(box)})`);
    await p.screenshot({ path: path.join(OUT, 'phone-sentence.png') });
    await p.getByTestId('pane-close').tap();
    await p.getByTestId('article-pane').waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'visible' });
    noErrors(pw);
    await phone.close();
  });

  /* ---------------------------------------------------------------- markup stays text */
  let xssId = null;
  await step('an article full of markup is stored', async () => {
    const r = await post('/api/articles', JSON.stringify(XSS), 'application/json');
    check(r.status === 201, `POST the markup article: HTTP ${r.status}: ${r.text.slice(0, 300)}`);
    xssId = r.body.inserted[0];
    const a = await apiOk(`/api/articles/${xssId}`);
    for (const bit of ['<script>window.__xss=1</script>', 'onerror=', '<svg onload=', '<iframe srcdoc=', 'href="javascript:', '<object data=']) {
      check(a.text.includes(bit), `the stored text lost ${bit} (the test needs it to mean something)`);
    }
  });

  const xssPage = await laptop.newPage();
  xssPage.setDefaultTimeout(20000);
  const xw = watch(xssPage, 'markup');
  const assertInert = async (where) => {
    await xssPage.waitForTimeout(400);
    const r = await xssPage.evaluate(() => ({ xss: window.__xss, bad: window.__bad || null }));
    eq(r.xss, undefined, `${where}: window.__xss`);
    check(Array.isArray(r.bad), `${where}: the trap did not run`);
    eq(r.bad.length, 0, `${where}: elements or attributes made from the data (${r.bad.join(', ')})`);
    const scripts = await xssPage.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')));
    eq(JSON.stringify(scripts), JSON.stringify(['/static/app.js']), `${where}: scripts in the document`);
    eq(await xssPage.locator('#main img, #pane img, iframe, object, embed, svg[onload], #pane svg, [srcdoc]').count(), 0, `${where}: injected elements`);
    eq(await xssPage.locator('a[href^="javascript:" i]').count(), 0, `${where}: javascript: links`);
  };

  await step('markup: search result and article pane show it as text', async () => {
    await xssPage.goto(BASE + '/#/?q=Zyxwvutq');
    const result = xssPage.getByTestId('search-result').first();
    await result.waitFor();
    check((await result.textContent()).includes('<script>'), 'the result does not show the literal <script>');
    await result.getByTestId('search-result-link').click();
    const text = xssPage.getByTestId('article-text');
    await text.waitFor();
    await assertInert('search and pane');
    eq(await text.textContent(), await articleText(xssId), 'pane text');
    await xssPage.getByTestId('article-pane').getByText('<script>window.__xss=1</script>').first().waitFor({ state: 'visible' });
    await xssPage.screenshot({ path: path.join(OUT, 'markup-article.png') });
  });

  await step('markup: home and the story dossier show it as text', async () => {
    const a = await apiOk(`/api/articles/${xssId}`);
    check(a.story, 'the markup article has no story');
    await xssPage.goto(BASE + '/#/');
    await xssPage.locator(`[data-testid="story"][data-id="${a.story}"]`).waitFor();
    await assertInert('home');
    await xssPage.goto(`${BASE}/#/dossier/${a.story}`);
    await xssPage.getByTestId('dossier').waitFor();
    await xssPage.getByTestId('provenance-graph').waitFor();
    const facts = xssPage.locator('[data-testid="support"], [data-testid="timeline-entry"], [data-testid="quote"], [data-testid="figure"], [data-testid="flag"]');
    const n = await facts.count();
    check(n > 0, 'the markup article\'s dossier has nothing to click');
    // Every fact of this article: its span is after non-ASCII text and around markup.
    for (let i = 0; i < n; i++) await clickFactAndCheck(xssPage, facts.nth(i), `markup fact ${i + 1}/${n}`);
    await assertInert('dossier');
    await xssPage.screenshot({ path: path.join(OUT, 'markup-dossier.png') });
  });
  check(xw.dialogs.length === 0, `dialogs opened: ${xw.dialogs.join('; ')}`);
  noErrors(xw);
  noErrors(w);
}

const stopAll = () => { stopServer(); };
process.on('SIGINT', () => { stopAll(); process.exit(130); });
process.on('SIGTERM', () => { stopAll(); process.exit(143); });

let code = 0;
try {
  await main();
  console.log(`\nall ${passed} checks passed; screenshots in ${path.relative(ROOT, OUT)}/`);
} catch (e) {
  code = 1;
  console.error(`\nFAILED: ${e instanceof Failure ? e.message : (e && e.stack) || e}`);
  if (serverLog && !(e instanceof Failure && /before listening|no "listening on"/.test(e.message))) {
    console.error(`\nserver log (last 2000 characters):\n${serverLog.slice(-2000)}`);
  }
} finally {
  if (browser) await browser.close().catch(() => {});
  stopServer();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
