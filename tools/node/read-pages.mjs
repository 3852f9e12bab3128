// Render dakg's reading pages and /docs in Debian's headless Chromium (Playwright-core, executablePath; no browser
// is downloaded) and report what a reader sees. Used by tests/test_pages_browser.py.
//
// stdin: {"base": API URL, "agreement": key, "shots": folder for screenshots, "chromium": executable}
// stdout: {"agreement": {"title", "cards": [{"source", "title"}], "marks": [...]},
//          "sources": {key: [{"span", "claim", "role", "start", "end", "text"}]},
//          "docs": {"operations": [["GET", "/agreements"], ...], "title"}, "offsite": [urls], "failed": [urls]}
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const input = JSON.parse(readFileSync(0, 'utf8'));
const base = new URL(input.base);
const profile = mkdtempSync(join(tmpdir(), 'dakg-chromium-'));
mkdirSync(input.shots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: input.chromium || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-background-networking',
         '--disable-component-update'],
});
const offsite = [];
const failed = [];
const out = { sources: {} };
try {
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(input.timeoutMs || 30000);
  page.on('request', (r) => { if (new URL(r.url()).host !== base.host && !r.url().startsWith('data:')) offsite.push(r.url()); });
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });

  // Marks grouped by span, each span's text the text of its marks in document order.
  const marks = () => page.evaluate(() => {
    const spans = new Map();
    for (const m of document.querySelectorAll('#text mark[data-span]')) {
      const id = m.dataset.span;
      if (!spans.has(id)) {
        spans.set(id, { span: id, claim: m.dataset.claim, role: m.dataset.role, start: Number(m.dataset.start),
                        end: Number(m.dataset.end), text: '' });
      }
      // Nested marks share a piece: count each piece once per span (the mark's own text nodes and inner marks).
      spans.get(id).text += m.textContent;
    }
    return [...spans.values()];
  });

  await page.goto(new URL(`/read/agreements/${input.agreement}`, base).href);
  out.agreement = await page.evaluate(() => ({
    title: document.querySelector('h1').textContent.trim(),
    current: document.querySelector('#current-status .status')?.textContent.trim() ?? null,
    cards: [...document.querySelectorAll('.source-card')].map((c) => ({
      source: c.dataset.source, title: c.querySelector('h3').textContent.trim(),
    })),
  }));
  await page.screenshot({ path: join(input.shots, `read-agreement-${input.agreement}.png`), fullPage: true });
  for (const card of out.agreement.cards) {
    await page.goto(new URL(`/read/sources/${card.source}`, base).href);
    out.sources[card.source] = await marks();
    if (card === out.agreement.cards[0]) {
      await page.screenshot({ path: join(input.shots, 'read-source.png'), fullPage: true });
    }
  }

  await page.goto(new URL('/docs', base).href);
  await page.locator('.opblock').first().waitFor();
  out.docs = await page.evaluate(() => ({
    title: document.querySelector('.info .title')?.textContent.trim() ?? null,
    operations: [...document.querySelectorAll('.opblock')].map((b) => [
      b.querySelector('.opblock-summary-method').textContent.trim(),
      b.querySelector('.opblock-summary-path').getAttribute('data-path'),
    ]),
  }));
  await page.screenshot({ path: join(input.shots, 'docs.png'), fullPage: false });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
out.offsite = offsite;
out.failed = failed;
process.stdout.write(JSON.stringify(out));
