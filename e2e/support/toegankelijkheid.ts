/** Structural WCAG checks for a page as it is now (also after it changed): run in the browser, one line per problem. */
import type { Page } from 'playwright-core';

export function structuurProblemen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = (selector: string) => Array.from(document.querySelectorAll(selector));
    const kort = (el: Element) => el.outerHTML.slice(0, 120);
    const problemen: string[] = [];
    if (document.documentElement.lang !== 'nl') problemen.push(`lang is "${document.documentElement.lang}"`);
    if (all('h1').length !== 1) problemen.push(`${all('h1').length} h1 elements`);
    // Headings do not skip a level downwards.
    let vorige = 0;
    for (const h of all('main h1, main h2, main h3, main h4, main h5, main h6')) {
      const niveau = Number(h.tagName.slice(1));
      if (vorige > 0 && niveau > vorige + 1) problemen.push(`heading skips from h${vorige} to h${niveau}: ${kort(h)}`);
      vorige = niveau;
    }
    const ids = all('[id]').map((el) => el.id);
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problemen.push(`duplicate id ${id}`);
    for (const t of all('table')) if (!(t as HTMLTableElement).caption?.textContent?.trim()) problemen.push(`table without caption: ${kort(t)}`);
    for (const th of all('th:not([scope])')) problemen.push(`th without scope: ${kort(th)}`);
    for (const el of all('[style]')) problemen.push(`inline style: ${kort(el)}`);
    for (const el of all('input, select, textarea')) {
      if (el.closest('[aria-hidden="true"]') || (el as HTMLInputElement).type === 'hidden') continue;
      const labelled = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.closest('label');
      if (!labelled) problemen.push(`field without label: ${kort(el)}`);
    }
    for (const el of all('[aria-describedby]')) {
      for (const id of (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) problemen.push(`aria-describedby points to missing #${id}: ${kort(el)}`);
      }
    }
    for (const a of all('a[href]')) if (!(a.textContent?.trim() || a.getAttribute('aria-label'))) problemen.push(`link without a name: ${kort(a)}`);
    return problemen;
  });
}
