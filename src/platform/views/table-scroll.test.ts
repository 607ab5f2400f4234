import { describe, expect, it } from 'vitest';
import { wrapTables } from './table-scroll.ts';

describe('tables on a narrow screen', () => {
  it('wraps each table in a focusable region named after its caption', () => {
    const html =
      '<p>x</p><table class="govuk-table"><caption class="c">Due <b>soonest</b> first</caption><tr><td>1</td></tr></table><p>y</p>';
    expect(wrapTables(html).toString()).toBe(
      '<p>x</p><div class="app-table-scroll" role="region" aria-label="Due soonest first" tabindex="0">' +
        '<table class="govuk-table"><caption class="c">Due <b>soonest</b> first</caption><tr><td>1</td></tr></table></div><p>y</p>',
    );
  });

  it('wraps only the outer table when one table holds another', () => {
    const html = '<table><tr><td><table><caption>Inner</caption></table></td></tr></table><table></table>';
    const wrapped = wrapTables(html).toString();
    expect(wrapped.match(/app-table-scroll/g)).toHaveLength(2);
    expect(wrapped).toContain('aria-label="Inner" tabindex="0"><table><tr><td><table>');
    expect(wrapped).toContain('aria-label="Table" tabindex="0"><table></table></div>');
  });

  it('leaves a page without tables, or with an unclosed one, as it is', () => {
    expect(wrapTables('<p>none</p>').toString()).toBe('<p>none</p>');
    expect(wrapTables('<table><tr>').toString()).toBe('<table><tr>');
    // `<tablet>` is another element: taken for a table, it would leave the real one unbalanced.
    expect(wrapTables('<tablet>x</tablet><table></table>').toString()).toBe(
      '<tablet>x</tablet><div class="app-table-scroll" role="region" aria-label="Table" tabindex="0"><table></table></div>',
    );
  });

  it('keeps every character of a page beyond Latin-1, in the caption and around the table', () => {
    const html =
      '<p>Zoë’s “plan” — Łukasz</p><table>\n<caption>Łukasz’s <i>visits</i></caption><tr><td>✓</td></tr></table><p>ż</p>';
    expect(wrapTables(html).toString('utf8')).toBe(
      '<p>Zoë’s “plan” — Łukasz</p><div class="app-table-scroll" role="region" aria-label="Łukasz’s visits" tabindex="0">' +
        '<table>\n<caption>Łukasz’s <i>visits</i></caption><tr><td>✓</td></tr></table></div><p>ż</p>',
    );
  });
});
