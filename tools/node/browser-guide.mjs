// Drive Neo4j Browser in Debian's headless Chromium (Playwright-core, no downloaded browser): open the Browser,
// connect, wait for the dakg guide that the server shows on connect, run the guide's first query (its :param line,
// then the query), and report what the result table shows. Used by tests/test_neo4j_browser.py.
//
// stdin: {"url": Browser URL, "user": ..., "password": ..., "screenshot": PNG path, "chromium": executable}
// stdout: {"guide": {"title", "slide", "blocks"}, "ran": [commands], "columns": [...], "rows": [[...], ...]}
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const input = JSON.parse(readFileSync(0, 'utf8'));
const profile = mkdtempSync(join(tmpdir(), 'dakg-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: input.chromium || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1600, height: 1000 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const timeout = input.timeoutMs || 60000;
try {
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(timeout);
  await page.goto(input.url);
  await page.locator('input[data-testid="username"]').fill(input.user);
  await page.locator('input[data-testid="password"]').fill(input.password);
  await page.locator('button[data-testid="connect"]').click();

  // The server's browser.post_connect_cmd opens the guide in the sidebar.
  const drawer = page.locator('[data-testid="guidesDrawer"]');
  const blocks = drawer.locator('pre.runnable');
  await blocks.first().waitFor();
  const guide = {
    title: (await drawer.innerText()).split('\n')[0].trim(),
    slide: (await drawer.locator('h3').first().innerText()).trim(),
    blocks: (await blocks.allTextContents()).map((text) => text.trim()),
  };

  // The first query: its :param line, then the saved query, each by its play icon, as a researcher would.
  // Each result appears as a frame at the top of the stream; a frame is found by the start of its command (the
  // editor in a frame shows the text with its own line breaks and spacing).
  const frameOf = (command) => page.locator('[data-testid="frame"]', { hasText: command.slice(0, 16) }).first();
  const ran = [];
  for (const index of [0, 1]) {
    const command = guide.blocks[index];
    await blocks.nth(index).locator('i').click();
    await frameOf(command).waitFor();
    ran.push(command);
  }
  const table = frameOf(guide.blocks[1]).locator('table');
  try {
    await table.locator('tbody tr').first().waitFor();
  } catch (error) {
    await page.screenshot({ path: input.screenshot });
    throw error;
  }
  const columns = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim()).filter((t) => t);
  const rows = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.locator('td').allInnerTexts()).map((text) => {
      const trimmed = text.trim();
      try {
        return JSON.parse(trimmed);
      } catch {
        return trimmed;
      }
    });
    rows.push(cells);
  }
  await page.screenshot({ path: input.screenshot, fullPage: false });
  process.stdout.write(JSON.stringify({ guide, ran, columns, rows }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
