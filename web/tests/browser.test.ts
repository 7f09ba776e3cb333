// Browser tests of the web app: the real server (API + built app) on a synthetic hospital, driven
// by Debian's Chromium through playwright-core. Screenshots of each page go to web/screenshots/.
// ENTREPOT_WEB_TEST_URL=http://127.0.0.1:8080 runs them against a server already running instead.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import { buildWebApp, webBuilt, WEB_DIST } from '../../src/server/web-assets.ts';
import { syntheticWarehouse } from '../../src/server/testing/synthetic-warehouse.ts';
import { openMarts, type WarehouseLayout } from '../../src/warehouse/index.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let app: FastifyInstance | undefined;
let browser: Browser;
let context: BrowserContext;
let base: string;
let year: number;
let establishment: string;
let busiestEstablishment: string | undefined;
const pageErrors: string[] = [];

interface Cell { key: string; numerator: number | null; denominator: number | null; rate: number | null; masked: boolean }
interface Result { numerator: number | null; denominator: number | null; rate: number | null; masked: boolean; breakdown: Cell[] }

async function api<T = any>(path: string): Promise<T> {
  const response = await fetch(base + path);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return (await response.json()) as T;
}

let shared: Page | undefined;

/** One tab for every test (opening a tab costs more than a navigation on a small machine); a full page load. */
async function open(path: string): Promise<Page> {
  if (!shared) {
    shared = await context.newPage();
    shared.on('pageerror', (error) => pageErrors.push(`${shared!.url()}: ${error.message}`));
  }
  await shared.goto(base + path);
  return shared;
}

/** Goes to `path` the way the app's own links do (history.pushState and the router's event). */
async function visit(path: string): Promise<Page> {
  if (!shared) return open(path);
  await shared.evaluate((href) => {
    window.history.pushState(null, '', href);
    window.dispatchEvent(new Event('entrepot:navigate'));
  }, path);
  return shared;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150); // charts draw on the next frame
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

type Figure = { value: string | null; text: string | null };

/** The figures of a rendered table, read from the data-value attributes beside their text. */
async function tableFigures(page: Page, table = page.getByTestId('kpi-table').first()) {
  // No named helper inside: tsx would wrap it in a `__name` call that the page does not have.
  const rows = await table.evaluate((element) => Array.from(element.querySelectorAll('tr[data-key]')).map((row) => ({
    key: row.getAttribute('data-key')!,
    cells: Array.from(row.querySelectorAll('[data-field]')).map((cell) => ({
      field: cell.getAttribute('data-field')!,
      value: cell.getAttribute('data-value'),
      text: cell.textContent,
    })),
  })));
  return rows.map((row) => {
    const out = { key: row.key } as { key: string } & Record<'numerator' | 'denominator' | 'rate', Figure>;
    for (const cell of row.cells) out[cell.field as 'numerator'] = { value: cell.value, text: cell.text };
    return out;
  });
}

/** The table shows exactly the API's figures for the same parameters, `<10` where masked. */
async function assertTableMatches(page: Page, result: Result, table = page.getByTestId('kpi-table').first()): Promise<void> {
  const rows = await tableFigures(page, table);
  const expected = [...result.breakdown, { key: 'total', numerator: result.numerator, denominator: result.denominator, rate: result.rate, masked: result.masked }];
  assert.deepEqual(rows.map((r) => r.key), expected.map((c) => c.key));
  rows.forEach((row, i) => {
    const cell = expected[i];
    for (const field of ['numerator', 'denominator', 'rate'] as const) {
      assert.equal(row[field].value, cell[field] === null ? '' : String(cell[field]), `${cell.key} ${field}`);
    }
    if (cell.numerator === null && cell.masked) assert.equal(row.numerator.text, '<10', `${cell.key}: masked shown as <10`);
  });
}

before(async () => {
  if (!webBuilt()) await buildWebApp();
  if (process.env.ENTREPOT_WEB_TEST_URL) {
    base = process.env.ENTREPOT_WEB_TEST_URL.replace(/\/$/, '');
  } else {
    const warehouse = await syntheticWarehouse({ patients: 300, seed: 1 });
    app = await buildApp({ layout: warehouse.layout, webDist: WEB_DIST });
    busiestEstablishment = await busiest(warehouse.layout);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=fr-FR'],
  });
  context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  const periods = await api<{ years: number[] }>('/api/dimensions/periods');
  year = periods.years.includes(2019) ? 2019 : periods.years[periods.years.length - 1];
  establishment = busiestEstablishment ?? (await api<{ finess: string }[]>('/api/dimensions/establishments?limit=1'))[0].finess;
});

/** The establishment with most consultations, so that K1's page has figures to show (test set-up only). */
async function busiest(layout: WarehouseLayout): Promise<string | undefined> {
  const engine = await openMarts(layout);
  try {
    const row = await engine.one<{ finess: string }>(
      `SELECT finess FROM marts.fact_consultation WHERE finess NOT IN ('PLUSIEURS', 'AUCUN') GROUP BY finess ORDER BY count(*) DESC, finess LIMIT 1`);
    return row?.finess;
  } finally {
    engine.close();
  }
}

after(async () => {
  await browser?.close();
  await app?.close();
});

describe('web app', () => {
  test('the overview tells the story, and its year filter changes the URL', async () => {
    const page = await open('/');
    for (const section of ['activity', 'hospitalisation', 'k7', 'k8']) {
      await page.locator(`[data-section="${section}"]`).waitFor();
    }
    await page.locator('[data-section="k7"] [data-testid="cartogram"]').waitFor();
    await page.locator('[data-section="k8"] [data-testid="cartogram"]').waitFor();
    await page.locator('[data-section="activity"] .chart svg').first().waitFor();
    assert.equal(await page.locator('[data-section="k7"] .tile').count(), 18);
    await shot(page, 'overview');

    const years = await page.locator('#overview-year option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const other = years.find((y) => y !== String(year)) ?? String(year);
    await page.selectOption('#overview-year', other);
    await page.waitForURL(`**/?year=${other}`);
    await page.getByRole('heading', { name: `Activité : consultations par mois en ${other}` }).waitFor();
  });

  const pages: Record<string, string> = {};
  before(() => {
    Object.assign(pages, {
      K1: `year=${year}&establishment=${establishment}`,
      K2: `year=${year}`,
      K3: `year=${year}`,
      K4: `year=${year}&diagnosis=J`,
      K5: `year=${year}`,
      K6: `year=${year}`,
      K7: 'year=2019',
      K8: 'year=2020',
    });
  });

  for (const id of ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8']) {
    test(`${id}: the table behind the chart shows the API's figures`, async () => {
      const page = await visit(`/kpi/${id}?${pages[id]}`);
      await page.locator('h1 .kpi-id', { hasText: id }).waitFor();
      await page.locator('[data-testid="kpi-table"], [data-testid="empty-state"]').first().waitFor();
      const result = await api<Result>(`/api/kpis/${id}?${pages[id]}`);
      if (await page.getByTestId('kpi-table').count()) await assertTableMatches(page, result);
      else assert.ok(!result.masked && !result.numerator, 'empty state only for an empty result');
      await shot(page, `kpi-${id}`);
      });
  }

  test('changing a filter updates the URL, the chart and the table', async () => {
    const page = await visit(`/kpi/K2?year=${year}`);
    await page.getByTestId('kpi-table').waitFor();
    const field = page.locator('[data-filter="diagnosis"] input');
    await field.fill('J');
    await field.press('Enter');
    await page.waitForURL(/diagnosis=J/);
    assert.match(page.url(), new RegExp(`year=${year}`));
    const result = await api<Result>(`/api/kpis/K2?diagnosis=J&year=${year}`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="kpi-table"] tbody tr').length === n, result.breakdown.length);
    await assertTableMatches(page, result);
    await page.locator('.chart svg').first().waitFor();
  });

  test('a shared link opens with the same filters', async () => {
    const path = `/kpi/K4?diagnosis=J&year=${year}`;
    const page = await open(path);
    await page.getByTestId('kpi-table').waitFor();
    assert.equal(await page.locator('[data-filter="diagnosis"] input').inputValue(), 'J');
    assert.equal(await page.locator('[data-filter="year"] select').inputValue(), String(year));
    await assertTableMatches(page, await api<Result>(`/api/kpis${path.slice(4)}`));
  });

  test('the CSV export is the table, ;-separated UTF-8 with a BOM', async () => {
    const page = await visit(`/kpi/K3?year=${year}`);
    await page.getByTestId('kpi-table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').first().click()]);
    assert.match(download.suggestedFilename(), /^entrepot-K3.*\.csv$/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], 'Mois;Patients hospitalisés;File active;Taux (%)');
    const result = await api<Result>(`/api/kpis/K3?year=${year}`);
    assert.equal(lines.length, result.breakdown.length + 2, 'header, one line per cell, total');
    result.breakdown.forEach((cell, i) => {
      const fields = lines[i + 1].split(';');
      assert.equal(fields[1], cell.numerator === null ? (cell.masked ? '<10' : '') : String(cell.numerator));
      assert.equal(fields[3], cell.rate === null ? '' : String(cell.rate).replace('.', ','));
    });
    assert.match(lines.at(-1)!, /^Total;/);
  });

  test('the filters are reached with the keyboard, with a visible focus', async () => {
    const page = await open(`/kpi/K3?year=${year}`);
    await page.getByTestId('kpi-table').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="filters"]')));
    }
    assert.ok(reached, 'a filter takes the focus within 40 Tab presses');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await shot(page, 'keyboard-focus');
  });

  test('K7: a region of the cartogram drills down to its départements', async () => {
    const page = await visit('/kpi/K7?year=2019');
    await page.getByTestId('cartogram').waitFor();
    await page.locator('.tile[data-region="84"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/region=84/);
    await page.getByRole('heading', { name: 'Détail : Auvergne-Rhône-Alpes' }).waitFor();
    const detail = page.locator('.drilldown [data-testid="kpi-table"]');
    await detail.waitFor();
    await assertTableMatches(page, await api<Result>('/api/kpis/K7?region=84&year=2019'), detail);
    await shot(page, 'kpi-K7-region');
  });

  test('filters with no data show the empty state; bad ones say which filter', async () => {
    const page = await open('/kpi/K3?year=1950');
    await page.getByText('Aucune donnée pour ces filtres').waitFor();
    await shot(page, 'empty-state');
    await page.goto(`${base}/kpi/K2?year=${year}&diagnosis=9`);
    await page.getByTestId('error').waitFor();
    assert.match(await page.getByTestId('error').innerText(), /Diagnostic/);
  });

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
