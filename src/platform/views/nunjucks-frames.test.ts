import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { keepVariableNames } from './nunjucks-frames.ts';

describe('template variables, with each name split once', () => {
  const render = (src: string, context: Record<string, unknown> = {}) => {
    keepVariableNames();
    return new nunjucks.Environment(null, { autoescape: true }).renderString(src, context);
  };

  it('a loop still numbers its rows and knows the first and the last', () => {
    const out = render(
      '{% for n in names %}{{ loop.index }}/{{ loop.length }} {{ n }}{% if loop.first %} first{% endif %}{% if loop.last %} last{% endif %}; {% endfor %}',
      { names: ['Ana', 'Ben', 'Cal'] },
    );
    expect(out).toBe('1/3 Ana first; 2/3 Ben; 3/3 Cal last; ');
  });

  it('a set reaches the variable Nunjucks gives it to: through a loop, not out of a macro', () => {
    // As unpatched Nunjucks 3 renders it: a loop sets the page's variable; a macro sets its own.
    const out = render(
      '{% set who = "outer" %}{% for n in [1, 2] %}{% set who = "inner" ~ n %}{{ who }} {% endfor %}{{ who }} ' +
        '{% macro tag(text, colour="grey") %}{% set who = "macro" %}[{{ text }} {{ colour }} {{ who }}]{% endmacro %}' +
        '{{ tag("Due") }}{{ tag("Late", "red") }} {{ who }}',
    );
    expect(out).toBe('inner1 inner2 inner2 [Due grey macro][Late red macro] inner2');
  });

  it('a nested loop has its own loop variables, and escaping is unchanged', () => {
    const out = render(
      '{% for row in rows %}{% for cell in row %}{{ loop.index }}{{ cell }}{% endfor %}|{{ loop.index }} {% endfor %}',
      { rows: [['<a>', 'b'], ['c']] },
    );
    expect(out).toBe('1&lt;a&gt;2b|1 1c|2 ');
  });
});
