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
    for (const svg of all('svg')) {
      if (svg.closest('[aria-hidden="true"]')) continue;
      const titel = svg.querySelector('title')?.textContent?.trim();
      if (!(svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-label') || titel))) problemen.push(`svg neither hidden nor labelled: ${kort(svg)}`);
    }
    return problemen;
  });
}

/** Text with too little contrast on the page as it is now (WCAG 1.4.3), one line per problem. */
export function contrastProblemen(page: Page): Promise<string[]> {
  return page.evaluate(checkContrast);
}

/**
 * Runs in the browser. For every visible element with its own text, compares the text colour with the first
 * opaque background colour behind it. Skips text on background images. Returns one line per failure.
 */
function checkContrast(): string[] {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | null => {
    const m = /rgba?\(([^)]+)\)/.exec(value);
    if (!m?.[1]) return null;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length < 3 || parts.some(Number.isNaN)) return null;
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const blend = (top: Rgba, bottom: Rgba): Rgba => [
    top[0] * top[3] + bottom[0] * (1 - top[3]),
    top[1] * top[3] + bottom[1] * (1 - top[3]),
    top[2] * top[3] + bottom[2] * (1 - top[3]),
    1,
  ];
  const background = (el: Element): Rgba | 'image' => {
    const layers: Rgba[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return 'image';
      const color = parse(style.backgroundColor);
      if (color && color[3] > 0) {
        layers.push(color);
        if (color[3] >= 1) break;
      }
    }
    return layers.reduceRight<Rgba>((under, layer) => blend(layer, under), [255, 255, 255, 1]);
  };

  const failures: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const ownText = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!ownText) continue;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || style.display === 'none') continue;
    if (el.closest('[aria-hidden="true"], noscript')) continue;
    const bg = background(el);
    const fg = parse(style.color);
    if (bg === 'image' || !fg) continue;
    const contrast = ratio(blend(fg, bg), bg);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const needed = large ? 3 : 4.5;
    if (contrast < needed) {
      failures.push(`${el.tagName} "${ownText.slice(0, 40)}": ${contrast.toFixed(2)}:1 (needs ${needed}:1; ${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
    }
  }
  return failures;
}
