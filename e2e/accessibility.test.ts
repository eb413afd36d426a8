/**
 * Basic accessibility checks (WCAG 2.1 AA) in a real browser: keyboard use, skip link,
 * visible focus, document structure, tables, images and colour contrast.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './support/app.js';
import { launchBrowser } from './support/browser.js';
import { contrastProblemen } from './support/toegankelijkheid.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
/** Pages to check: home, reference data, the API reference and the first region (found on the home page). */
const paths: string[] = ['/', '/referentie', '/api-referentie'];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const page = await newPage();
  await openPage(page, server.baseUrl, '/');
  const href = await page.locator('a[href^="/regio/"]').first().getAttribute('href');
  if (href) paths.push(href);
  await page.close();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
}, 60_000);

async function newPage(): Promise<Page> {
  const page = await context!.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Describes the focused element, e.g. `A "Direct naar de inhoud"`. */
function describeFocus(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'BODY', text: '', href: null, inMain: false, visible: false, ring: false };
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      tag: el.tagName,
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      href: el.getAttribute('href'),
      inMain: el.closest('main') !== null,
      visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
      ring: outline || shadow,
    };
  });
}

describe('accessibility', () => {
  it('Tab reaches the skip link first, and it moves focus to the main content', { timeout: 60_000 }, async () => {
    const page = await newPage();
    await openPage(page, server!.baseUrl, '/');

    await page.keyboard.press('Tab');
    const first = await describeFocus(page);
    expect(first.tag).toBe('A');
    expect(first.text).toMatch(/inhoud/i);
    expect(first.href).toMatch(/^#/);
    expect(first.visible, 'the skip link must become visible when it has focus').toBe(true);
    expect(first.ring, 'the skip link must show a focus ring').toBe(true);

    await page.keyboard.press('Enter');
    const target = await describeFocus(page);
    expect(target.tag).toBe('MAIN');

    await page.keyboard.press('Tab');
    const next = await describeFocus(page);
    expect(next.inMain, `after the skip link, Tab continues inside main (got ${next.tag} "${next.text}")`).toBe(true);
    await page.close();
  });

  it('every element reached with Tab shows a visible focus indicator', { timeout: 60_000 }, async () => {
    for (const path of paths) {
      const page = await newPage();
      await openPage(page, server!.baseUrl, path);
      const missing: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focus = await describeFocus(page);
        if (focus.tag === 'BODY') break;
        const key = `${focus.tag} ${focus.text} ${focus.href}`;
        if (seen.has(key)) break;
        seen.add(key);
        if (!focus.ring) missing.push(key);
      }
      expect(seen.size, `${path}: Tab reaches something`).toBeGreaterThan(2);
      expect(missing, `${path}: elements without a visible focus indicator`).toEqual([]);
      await page.close();
    }
  });

  it('every page has lang, one h1, landmarks, labelled images and captioned tables', { timeout: 60_000 }, async () => {
    for (const path of paths) {
      const page = await newPage();
      await openPage(page, server!.baseUrl, path);
      const report = await page.evaluate(() => {
        const all = (selector: string) => Array.from(document.querySelectorAll(selector));
        const ids = all('[id]').map((el) => el.id);
        return {
          lang: document.documentElement.lang,
          title: document.title,
          h1: all('h1').length,
          header: all('header').filter((el) => !el.closest('main, article, section, aside, nav')).length,
          nav: all('nav').length,
          main: all('main').length,
          footer: all('footer').filter((el) => !el.closest('main, article, section, aside, nav')).length,
          imgWithoutAlt: all('img:not([alt])').map((el) => el.outerHTML.slice(0, 120)),
          svgWithoutText: all('svg')
            .filter((el) => el.getAttribute('aria-hidden') !== 'true' && !el.closest('[aria-hidden="true"]'))
            .filter((el) => !(el.getAttribute('role') === 'img' && (el.getAttribute('aria-label') || el.querySelector('title'))))
            .map((el) => el.outerHTML.slice(0, 120)),
          tablesWithoutCaption: all('table')
            .filter((table) => !(table as HTMLTableElement).caption?.textContent?.trim())
            .map((table) => table.outerHTML.slice(0, 120)),
          thWithoutScope: all('th:not([scope])').map((el) => el.outerHTML.slice(0, 120)),
          tables: all('table').length,
          linksWithoutName: all('a[href]')
            .filter((a) => !(a.textContent?.trim() || a.getAttribute('aria-label') || a.querySelector('img[alt]:not([alt=""])')))
            .map((el) => el.outerHTML.slice(0, 120)),
          duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
          inlineStyles: all('[style]').map((el) => el.outerHTML.slice(0, 120)),
        };
      });
      expect(report.lang, path).toBe('nl');
      expect(report.title, path).toMatch(/Samen Veilig/);
      expect(report.h1, `${path}: number of h1`).toBe(1);
      expect(report.header, `${path}: page header`).toBe(1);
      expect(report.nav, `${path}: nav`).toBeGreaterThanOrEqual(1);
      expect(report.main, `${path}: main`).toBe(1);
      expect(report.footer, `${path}: page footer`).toBe(1);
      expect(report.imgWithoutAlt, `${path}: img without alt`).toEqual([]);
      expect(report.svgWithoutText, `${path}: svg that is neither hidden nor labelled`).toEqual([]);
      expect(report.tablesWithoutCaption, `${path}: table without caption`).toEqual([]);
      expect(report.thWithoutScope, `${path}: th without scope`).toEqual([]);
      expect(report.linksWithoutName, `${path}: links without a name`).toEqual([]);
      expect(report.duplicateIds, `${path}: duplicate ids`).toEqual([]);
      expect(report.inlineStyles, `${path}: inline style attributes (blocked by the Content-Security-Policy)`).toEqual([]);
      if (path.startsWith('/regio/')) expect(report.tables, `${path}: the gemeenten table`).toBeGreaterThanOrEqual(1);
      await page.close();
    }
  });

  it('text has enough contrast with its background (WCAG 1.4.3)', { timeout: 60_000 }, async () => {
    for (const path of paths) {
      const page = await newPage();
      await openPage(page, server!.baseUrl, path);
      const failures = await contrastProblemen(page);
      expect(failures, `${path}: text with too little contrast`).toEqual([]);
      await page.close();
    }
  });
});
