// End to end: build the app against the fixture layers, serve it with the server `npm start` uses, and look at
// it in headless Chromium (WebGL through SwiftShader). Skipped where /usr/bin/chromium is missing.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_DATA_RGB, sequentialPalette } from '../../src/core/classify/index.ts';
import { createServer } from '../../scripts/static-server.mjs';
import { decodePng, differingPixels, distinctColours, findColour, type Pixels } from './png.ts';

const CHROMIUM = '/usr/bin/chromium';
const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtureLayers = path.join(repo, 'test/fixtures/app-layers');
/** Set WIJKATLAS_SCREENSHOTS=<dir> to keep the screenshots for a look. */
const screenshotDir = process.env.WIJKATLAS_SCREENSHOTS;
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(`test/app/e2e.test.ts skipped: ${CHROMIUM} not found. Install it with \`apt-get install -y chromium\` to run the browser test.`);
}

describe.skipIf(!hasChromium)(`atlas app in headless Chromium (${CHROMIUM})`, () => {
  let outDir = '';
  let server: Server;
  let browser: Browser;
  let baseUrl = '';
  /** One page for the Dutch tests: SwiftShader compiles deck.gl's shaders per page, which takes seconds. */
  let page: Page;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'wijkatlas-dist-'));
    const previous = process.env.WIJKATLAS_LAYERS;
    process.env.WIJKATLAS_LAYERS = fixtureLayers;
    try {
      await build({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
    } finally {
      if (previous === undefined) delete process.env.WIJKATLAS_LAYERS;
      else process.env.WIJKATLAS_LAYERS = previous;
    }
    server = createServer({ root: outDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    });
    page = await openAtlas();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  async function openAtlas(query = ''): Promise<Page> {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 720 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(baseUrl + query);
    await tab.waitForFunction(() => window.__wijkatlasReady === true, undefined, { timeout: 30_000 }).catch((e: Error) => {
      throw new Error(`the map never became ready: ${e.message}; page errors: ${errors.join(' | ') || 'none'}`);
    });
    await settle(tab);
    return tab;
  }

  /** Two animation frames, so what deck.gl drew is on screen. */
  const settle = (tab: Page) => tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  async function shot(tab: Page, name: string): Promise<Pixels> {
    const png = await tab.screenshot();
    if (screenshotDir) {
      mkdirSync(screenshotDir, { recursive: true });
      writeFileSync(path.join(screenshotDir, name), png);
    }
    return decodePng(png);
  }

  /** How many of `colours` cover at least `min` pixels. */
  const coloursShown = (img: Pixels, colours: number[][], min = 200) => colours.filter((c) => findColour(img, c).count >= min).length;

  it('draws the blocks in the five class colours and grey for no data, with legend, sources and DEMO badge', async () => {
    const img = await shot(page, 'app.png');
    expect(distinctColours(img)).toBeGreaterThan(20);
    // pct_built_before_1945 is a housing indicator: YlOrRd; the fixture fills all five classes
    expect(coloursShown(img, sequentialPalette('YlOrRd', 5))).toBe(5);
    expect(findColour(img, NO_DATA_RGB).count).toBeGreaterThan(200);

    expect(await page.title()).toBe('Arsenaal, Mechelen (testatlas) — Wijkatlas');
    expect(await page.getByText('Demogegevens — synthetisch').isVisible()).toBe(true);
    expect(await page.locator('.demo-badge').textContent()).toBe('DEMO');
    const legend = (await page.locator('.legend').innerText()).replace(/\s+/g, ' ');
    expect(legend).toContain('Woningen gebouwd vóór 1946 (%)');
    expect(legend).toContain('12,5 – 37,6');
    expect(legend).toContain('geen gegevens / onderdrukt');
  });

  it('shows block id and value with its unit on hover', async () => {
    const img = await shot(page, 'app-hover-before.png');
    // block A03 (48.2 %) is the only block in the second class
    const target = findColour(img, sequentialPalette('YlOrRd', 5)[1]);
    expect(target.count).toBeGreaterThan(200);
    await page.mouse.move(target.x, target.y);
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor({ timeout: 5_000 });
    await shot(page, 'app-hover.png');
    const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Bouwblok A03');
    expect(text).toMatch(/Woningen gebouwd vóór 1946: 48,2\s?%/);
  });

  it('recolours the blocks when another indicator is chosen with the labelled select', async () => {
    await page.mouse.move(1, 1); // no hover highlight in the comparison
    await settle(page);
    const before = await shot(page, 'app-before.png');
    const select = page.getByLabel('Indicator', { exact: true });
    // numeric fields only, grouped by theme; the string field survey_status is not offered
    expect(await select.locator('option').allTextContents()).toEqual(['Woningen gebouwd vóór 1946', 'Aantal woningen', 'Huurders']);
    expect(await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Wonen', 'Huishoudens en huur']);
    await select.focus();
    await select.selectOption('pct_renters');
    await page.waitForFunction(() => window.__wijkatlasRenderedIndicator === 'pct_renters');
    await settle(page);
    const after = await shot(page, 'app-renters.png');
    expect(differingPixels(before, after)).toBeGreaterThan(5000);
    // tenure indicators use YlGnBu
    expect(coloursShown(after, sequentialPalette('YlGnBu', 5))).toBe(5);
    expect(await page.locator('.legend figcaption').innerText()).toContain('Huurders');
  });

  it('speaks English with ?lang=en and switches back to Dutch with the toggle', async () => {
    const en = await openAtlas('?lang=en');
    await shot(en, 'app-en.png');
    expect(await en.title()).toBe('Arsenaal, Mechelen (test atlas) — Wijkatlas');
    expect(await en.locator('html').getAttribute('lang')).toBe('en');
    expect(await en.getByLabel('Indicator', { exact: true }).locator('option').allTextContents()).toContain('Dwellings built before 1946');
    expect(await en.getByText('Demo data — synthetic').isVisible()).toBe(true);
    expect(await en.locator('.legend').innerText()).toContain('no data / suppressed');
    await en.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    expect(await en.getByText('Demogegevens — synthetisch').isVisible()).toBe(true);
    expect(new URL(en.url()).searchParams.get('lang')).toBeNull();
    await en.close();
  });
});
