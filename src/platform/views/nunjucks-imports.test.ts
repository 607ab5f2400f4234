import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { createNunjucksEnvironment } from './nunjucks.ts';
import { keepImportedMacros } from './nunjucks-imports.ts';

/** An environment over templates held in memory, with a counter of how often one's top level runs. */
function environment(templates: Record<string, string>) {
  const runs = { count: 0 };
  const loader = {
    getSource: (name: string) =>
      templates[name] === undefined ? null : { src: templates[name], path: name, noCache: false },
  } as unknown as nunjucks.ILoader;
  const env = new nunjucks.Environment(loader, { autoescape: true });
  env.addGlobal('counted', () => {
    runs.count += 1;
    return '';
  });
  keepImportedMacros();
  return { env, runs };
}

describe('macros imported from another template', () => {
  const templates = {
    'macros.njk':
      '{{ counted() }}{% macro tag(text, colour) %}<strong class="tag {{ colour }}">{{ text }}</strong>{% endmacro %}',
    'page.njk': '{% from "macros.njk" import tag %}{% for row in rows %}{{ tag(row.text, row.colour) }}{% endfor %}',
    'shared.njk': '{{ counted() }}{% macro who() %}{{ name }}{% endmacro %}',
    'with-context.njk': '{% from "shared.njk" import who with context %}{{ who() }}',
  };

  it('are collected once per template, and each page still gets its own words', () => {
    const { env, runs } = environment(templates);
    const first = env.render('page.njk', {
      rows: [
        { text: 'Overdue', colour: 'red' },
        { text: 'Due <soon>', colour: 'orange' },
      ],
    });
    const second = env.render('page.njk', { rows: [{ text: 'Due in 9 days', colour: 'grey' }] });
    expect(first).toBe('<strong class="tag red">Overdue</strong><strong class="tag orange">Due &lt;soon&gt;</strong>');
    expect(second).toBe('<strong class="tag grey">Due in 9 days</strong>');
    expect(runs.count).toBe(1);
  });

  it('imported with context, see each page’s own variables every time', () => {
    const { env, runs } = environment(templates);
    expect(env.render('with-context.njk', { name: 'Helen Hartley' })).toBe('Helen Hartley');
    expect(env.render('with-context.njk', { name: 'Donna Marshall' })).toBe('Donna Marshall');
    expect(runs.count).toBe(2);
  });

  it('render GOV.UK components as the design system writes them, call after call', () => {
    const env = createNunjucksEnvironment();
    const page = (colour: string) =>
      env.renderString(
        '{% from "govuk/components/tag/macro.njk" import govukTag %}{% from "govuk/components/button/macro.njk" import govukButton %}' +
          '{{ govukTag({ text: "Overdue by 3 days", classes: colour }) }}{{ govukButton({ text: "Save", attributes: { id: "save" } }) }}',
        { colour },
      );
    for (const colour of ['govuk-tag--red', 'govuk-tag--grey']) {
      const html = page(colour);
      expect(html).toMatch(new RegExp(`<strong class="govuk-tag ${colour}">\\s*Overdue by 3 days\\s*</strong>`));
      expect(html).toMatch(
        /<button type="submit" class="govuk-button" data-module="govuk-button"\s+id="save">\s*Save\s*<\/button>/,
      );
    }
  });
});
