import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunReport } from '../../src/engine/results';
import { PACKAGE_ROOT } from '../../src/paths';
import { renderHtmlReport } from '../../src/reporters';
import { isUnexpectedFailure } from '../../src/reporters/report-views';
import { runOnMock } from '../runner/support';

/**
 * index.html in Debian's chromium, driven by playwright-core: the report of the whole suite against a
 * mock with a fault (the run the compare and fault tests share), opened from a file.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The fault whose run the compare tests already make: Post answers 200 instead of 201. */
const FAULT = 'post-returns-200';
const SCREENSHOT = path.join(PACKAGE_ROOT, 'reports', 'specification-page.png');

const isLocal = (url: string): boolean => {
  if (url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank') return true;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** Collects the page's console errors, and aborts and collects every request that would leave the machine. */
async function watch(page: Page, consoleErrors: string[], leftTheMachine: string[]): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    leftTheMachine.push(url);
    return route.abort();
  });
}

describe('reporters: html in a headless browser', function () {
  this.timeout(300_000);
  let browser: Browser | undefined;
  let page: Page;
  let report: RunReport;
  const consoleErrors: string[] = [];
  const leftTheMachine: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(
        `      skipped: no browser at ${CHROMIUM} (Debian: apt-get install -y chromium; .ci/run does it)`,
      );
      this.skip();
    }
    report = await runOnMock([FAULT]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'html-browser-')), 'index.html');
    writeFileSync(file, renderHtmlReport(report));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await watch(page, consoleErrors, leftTheMachine);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
  });

  it('loads with no console error', () => {
    expect(consoleErrors).to.deep.equal([]);
  });

  it('resolves every link of the table of contents to an element, and jumps there', async () => {
    const links = await page.$$eval('#toc a', (anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
    );
    expect(links.length).to.be.greaterThan(40);
    const ids = new Set(await page.$$eval('[id]', (elements) => elements.map((element) => element.id)));
    const missing = links.filter(
      (href) => !href.startsWith('#') || !ids.has(decodeURIComponent(href.slice(1))),
    );
    expect(missing).to.deep.equal([]);
    await page.click('#toc a[href="#schemas"]');
    const top = await page.$eval('#schemas', (element) => element.getBoundingClientRect().top);
    expect(top).to.be.within(0, 900);
    await page.evaluate('window.scrollTo(0, 0)');
  });

  it('shows a failed case at the top, above the fold', async () => {
    const failed = report.results.filter(isUnexpectedFailure).map((result) => result.id);
    expect(failed).to.not.deep.equal([]);
    const first = page.locator('#failures .failed-list li').first();
    expect(await first.isVisible()).to.equal(true);
    const box = await first.boundingBox();
    expect(box?.y).to.be.within(0, 900);
    const text = await first.innerText();
    expect(failed.some((id) => text.includes(id))).to.equal(true);
  });

  it('filters the cases as one types in the search box', async () => {
    const index = page.locator('#case-index li');
    const visible = () => page.locator('#case-index li:visible');
    expect(await visible().count()).to.equal(report.results.length);
    const query = 'perPage=0';
    await page.fill('#case-search', query);
    const shown = await visible().allInnerTexts();
    expect(shown.length).to.be.within(1, report.results.length - 1);
    for (const text of shown) expect(text.toLowerCase()).to.contain(query.toLowerCase());
    const expected = report.results.filter((result) => result.id.toLowerCase().includes(query.toLowerCase()));
    expect(shown).to.have.length(expected.length);
    await page.fill('#case-search', 'no case is called this');
    expect(await visible().count()).to.equal(0);
    expect(await page.innerText('#case-count')).to.equal(`0 of ${await index.count()} cases`);
    await page.fill('#case-search', '');
    expect(await visible().count()).to.equal(report.results.length);
  });

  it('would catch a console error and a request leaving the machine', async () => {
    if (!browser) throw new Error('no browser');
    const probe = await browser.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    await watch(probe, errors, outside);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'html-browser-probe-')), 'bad.html');
    writeFileSync(
      file,
      '<!doctype html><title>bad</title><img src="https://cdn.example.com/x.png"><script>console.error("broken")</script>',
    );
    await probe.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await probe.close();
    expect(errors).to.include('broken');
    expect(outside).to.deep.equal(['https://cdn.example.com/x.png']);
  });

  it('asks for nothing outside the machine (offline), and leaves a screenshot in reports/', async () => {
    expect(leftTheMachine).to.deep.equal([]);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).to.equal(true);
  });
});
