/**
 * Issue 19: strings a YAML 1.1 reader (go-yaml v2, which kubectl uses) takes for another type come out quoted, in the
 * CLI's YAML and in `cdk8s synth`'s, wherever a user's string lands (labels, annotations, env, ConfigMap data, extra
 * objects), so each reads back as the same string.
 */
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { PackageManager, render } from '../../src';
import type { PackageManagerProps } from '../../src';
import { toYamlDocuments } from '../../src/yaml/emit';

/** YAML 1.1 booleans, null, ints (base 2, 8, 16, 60, with "_"), floats, and timestamps. */
const FORMS = [
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'N',
  'true',
  'False',
  '~',
  'null',
  'Null',
  '1_000',
  '0b101',
  '0x1F',
  '017',
  '1:20',
  '190:20:30',
  '1e3',
  '.5',
  '1.5e+3',
  '.inf',
  '-.Inf',
  '.nan',
  '+12',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '=',
  '<<',
];

/** Kubernetes' label value syntax: the forms outside it (`~`, `1:20`…) are refused as labels, and tried elsewhere. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const props = (v: string): PackageManagerProps => ({
  acknowledgeWarnings: ['ppm:sandboxing', 'ppm:no-license'],
  pod: { labels: LABEL_VALUE.test(v) ? { form: v } : {}, annotations: { form: v }, env: [{ name: 'FORM', value: v }] },
  extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'forms' }, data: { form: v } }],
});

/** Every place the form was written to, read back with a YAML 1.1 reader. */
function readBack(yamlText: string): unknown[] {
  const docs = yamlText.split(/^---\n/m).map((d) => parse(d, { version: '1.1' }) as Record<string, any>);
  const deployment = docs.find((d) => d?.kind === 'Deployment')!;
  const extra = docs.find((d) => d?.kind === 'ConfigMap' && d.metadata.name === 'forms')!;
  const pod = deployment.spec.template;
  return [
    pod.metadata.labels.form ?? 'no label',
    pod.metadata.annotations.form,
    pod.spec.containers[0].env.find((e: { name: string }) => e.name === 'FORM').value,
    extra.data.form,
  ];
}

describe.each(FORMS)('%j', (form) => {
  it('reads back as the same string from the CLI writer and from cdk8s synth', () => {
    const cli = toYamlDocuments(render(props(form), { releaseName: 'r' }));
    const chart = Testing.chart();
    new PackageManager(chart, 'r', props(form));
    const synth = Testing.synth(chart)
      .map((o) => toYamlDocuments([o]))
      .join('---\n');
    const expected = [LABEL_VALUE.test(form) ? form : 'no label', form, form, form];
    expect(readBack(cli)).toEqual(expected);
    expect(readBack(synth)).toEqual(expected);
  });
});
