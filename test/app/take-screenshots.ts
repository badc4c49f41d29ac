// Screenshots of the main views of the demo atlas for the docs: `npx tsx test/app/take-screenshots.ts [outDir]`.
// Builds the app against layers/ (run `npx wijkatlas build` first), serves it, and shoots overview,
// block panel, table and English view in headless Chromium. Not a test; the e2e test checks behaviour.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createServer } from '../../scripts/static-server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(repo, 'docs/screenshots'));

async function main() {
  const dist = mkdtempSync(path.join(tmpdir(), 'wijkatlas-shots-'));
  process.env.WIJKATLAS_LAYERS = path.join(repo, 'layers');
  await build({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist } });
  const server = createServer({ root: dist });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(out, { recursive: true });
  const open = async (query: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base + query);
    await page.waitForFunction(() => window.__wijkatlasReady === true, undefined, { timeout: 60_000 });
    await page.waitForTimeout(300);
    return page;
  };
  const save = async (page: Page, name: string) => {
    await page.locator('.panel').evaluate((el) => el.scrollTo(0, 0));
    writeFileSync(path.join(out, name), await page.screenshot());
    console.log(`wrote ${path.relative(repo, path.join(out, name))}`);
  };
  try {
    const page = await open('');
    await save(page, 'app-overview.png');
    // zoomed in: street names fill in along the streets (placed once for all zooms, never overlapping)
    const zoomed = await open('?view=4.4905,51.0195,16.2');
    await save(zoomed, 'app-street-names.png');
    await zoomed.close();
    // the block with the most incidents, opened from the table (map and table are linked)
    await page.getByLabel('Indicator', { exact: true }).selectOption('incidents_per_1000');
    await page.getByRole('button', { name: 'Tabel tonen' }).click();
    await page.locator('.block-table').waitFor();
    await page.getByRole('button', { name: /^Incidenten per 1\.000 inwoners \(per/ }).click();
    await page.getByRole('button', { name: /^Incidenten per 1\.000 inwoners \(per/ }).click(); // descending
    await page.locator('.block-table tbody tr').first().click();
    await page.locator('.block-chart').waitFor();
    await page.waitForTimeout(300);
    await save(page, 'app-table.png');
    await page.getByRole('button', { name: 'Tabel verbergen' }).click();
    await page.waitForTimeout(300);
    await save(page, 'app-block-panel.png');
    await page.close();
    const en = await open('?lang=en&ind=pct_aged_0_17&cls=jenks&k=4');
    await save(en, 'app-english.png');
    await en.close();
    // analysis panels: hot spots of incidents (Gi*, FDR), then patrol routes
    const hot = await open('?ind=incidents_total');
    await hot.locator('details[data-panel="hotspots"] > summary').click();
    await hot.locator('.hotspot-legend').waitFor({ timeout: 60_000 });
    await hot.waitForTimeout(500);
    await hot.locator('details[data-panel="hotspots"]').scrollIntoViewIfNeeded();
    writeFileSync(path.join(out, 'app-hotspots.png'), await hot.screenshot());
    await hot.locator('details[data-panel="hotspots"] > summary').click();
    await hot.locator('details[data-panel="patrol"] > summary').click();
    // a Friday evening shift, from the atlas's binned incidents
    await hot.locator('.patrol-panel').getByLabel('Dag').selectOption({ label: 'vrijdag' });
    const [fromHour, toHour] = await hot.locator('.patrol-panel label', { hasText: 'Uren' }).locator('input').all();
    await fromHour.fill('18');
    await toHour.fill('22');
    await hot.getByRole('button', { name: 'Plan routes' }).click();
    await hot.locator('.patrol-panel table').waitFor({ timeout: 60_000 });
    await hot.waitForTimeout(500);
    await hot.locator('.patrol-panel').scrollIntoViewIfNeeded();
    writeFileSync(path.join(out, 'app-patrol.png'), await hot.screenshot());
    await hot.locator('details[data-panel="patrol"] > summary').click();
    // incident density: Friday and Saturday nights (20 h – 2 h), chart of the whole neighbourhood
    await hot.locator('details[data-panel="density"] > summary').click();
    const density = hot.locator('.density-panel');
    await density.waitFor({ timeout: 60_000 });
    for (const day of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'zondag']) await density.getByRole('checkbox', { name: day, exact: true }).uncheck();
    await density.getByLabel('Uren: van', { exact: true }).selectOption('20');
    await density.getByLabel('Uren: tot', { exact: true }).selectOption('2');
    await hot.waitForTimeout(500);
    await density.locator('.density-count').scrollIntoViewIfNeeded();
    writeFileSync(path.join(out, 'app-density.png'), await hot.screenshot());
    await density.locator('svg.weekday-hour-chart').scrollIntoViewIfNeeded();
    writeFileSync(path.join(out, 'app-density-chart.png'), await hot.screenshot());
    console.log('wrote app-hotspots.png, app-patrol.png, app-density.png, app-density-chart.png');
  } finally {
    await browser.close();
    server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
