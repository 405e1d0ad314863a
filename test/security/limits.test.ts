/**
 * Issue 13, item 10: what Kubernetes cannot store is an error naming the
 * value (never showing it), and a template cannot blow a value up.
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from '../../src';
import { MAX_TEMPLATE_OUTPUT, renderGoTemplate, GoTemplateError, type TemplateContext } from '../../src/values/template';
import { synthProps } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

const ctx: TemplateContext = {
  release: { name: 'r', namespace: 'n' },
  chart: { name: 'rstudio-pm', version: '0.5.29', appVersion: '2024.04.4' },
  values: { x: 'a'.repeat(600) },
  includes: {},
};

describe('item 10: sizes Kubernetes cannot store', () => {
  it('annotations over 256 KiB in total: an error naming the largest, not showing it', () => {
    const big = 'Zq'.repeat(140 * 1024);
    const issues = issuesOf(() => synthProps({ pod: { annotations: { 'example.com/a': big, 'example.com/b': 'small' } } }));
    expect(issues).toEqual([
      {
        path: 'pod.annotations["example.com/a"]',
        message: expect.stringMatching(
          /makes the annotations of Deployment "my-release-rstudio-pm" \(its pod template\) total \d+ bytes, over the 262144/,
        ),
      },
    ]);
    expect(issues[0].message.length).toBeLessThan(400);
    expect(() => synthProps({ service: { annotations: { 'example.com/a': 'x'.repeat(200 * 1024) } } })).not.toThrow();
    expect(issuesOf(() => synthProps({ service: { annotations: { 'example.com/a': 'x'.repeat(300 * 1024) } } }))[0].path).toBe(
      'service.annotations["example.com/a"]',
    );
  });

  it('a ConfigMap or Secret over 1 MiB of data, an object over 1.5 MiB: errors naming the value', () => {
    const mib = 'x'.repeat(1024 * 1024);
    expect(issuesOf(() => synthProps({ extraConfig: { Big: { Value: mib } } }))).toEqual([
      {
        path: 'config',
        message: expect.stringMatching(/makes the data of ConfigMap "my-release-rstudio-pm-config" \d+ bytes, over the 1048576 \(1 MiB\)/),
      },
    ]);
    expect(issuesOf(() => synthProps({ license: { file: { contents: mib } } }))[0].path).toBe('license.file.contents');
    const cr = { apiVersion: 'example.com/v1', kind: 'Blob', metadata: { name: 'b' }, spec: { parts: [mib, mib] } };
    expect(issuesOf(() => synthProps({ extraObjects: [cr] }))).toEqual([
      { path: 'extraObjects[0].spec.parts[0]', message: expect.stringMatching(/makes Blob "b" \d+ bytes, more than Kubernetes can store/) },
    ]);

    // Just under the limit (1.4 MiB of text, far over its quick bound of 6 bytes a character): counted exactly, kept.
    const under = { ...cr, spec: { parts: ['x'.repeat(700 * 1024), 'x'.repeat(700 * 1024)] } };
    expect(() => synthProps({ extraObjects: [under] })).not.toThrow();
    // Escapes and multi-byte characters count as JSON writes them: 400 Ki of "é" is 800 KiB, of "\u0001" 2.4 MiB.
    expect(() => synthProps({ extraObjects: [{ ...cr, spec: { parts: ['é'.repeat(400 * 1024)] } }] })).not.toThrow();
    expect(issuesOf(() => synthProps({ extraObjects: [{ ...cr, spec: { parts: ['\u0001'.repeat(400 * 1024)] } }] }))[0].path).toBe(
      'extraObjects[0].spec.parts[0]',
    );
  });
});

describe('item 10: templates cannot blow a value up', () => {
  it('nested replace stops at the limit, before building the text', () => {
    const nested =
      '{{ .Values.x | replace "a" "aaaaaaaaaa" | replace "a" "aaaaaaaaaa" | replace "a" "aaaaaaaaaa" | replace "a" "aaaaaaaaaa" }}';
    expect(() => renderGoTemplate(nested, ctx)).toThrow(GoTemplateError);
    expect(() => renderGoTemplate(nested, ctx)).toThrow(new RegExp(`more than ${MAX_TEMPLATE_OUTPUT} characters`));
    expect(renderGoTemplate('{{ .Values.x | replace "a" "bb" }}', ctx)).toBe('b'.repeat(1200));
  });

  it('indent, printf and repeated actions are bounded too', () => {
    expect(() => renderGoTemplate('{{ .Values.x | indent 100000000 }}', ctx)).toThrow(GoTemplateError);
    expect(() => renderGoTemplate('{{ .Values.x | indent -1 }}', ctx)).toThrow(/whole number of spaces/);
    const many = `{{ printf "${'%s'.repeat(3000)}" ${'.Values.x '.repeat(3000)}}}`;
    expect(() => renderGoTemplate(many, ctx)).toThrow(GoTemplateError);
  });

  it('through a values file: an error naming the extra object', () => {
    const chart = new Chart(new App({ outdir: '/dev/null' }), 'c');
    const values = {
      big: 'a'.repeat(600),
      extraObjects: [
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: {{ .Values.big | replace "a" "aaaaaaaaaaaaaaaaaaaa" | replace "a" "aaaaaaaaaaaaaaaaaaaa" | replace "a" "aaaaaaaaaaaaaaaaaaaa" }}',
      ],
    };
    expect(issuesOf(() => PackageManager.fromValues(chart, 'r', values))).toEqual([
      { path: 'extraObjects[0]', message: expect.stringMatching(/more than 1572864 characters/) },
    ]);
  });
});
