/**
 * What adding a chart value takes: its prop in src/props.ts (type, TSDoc, `@default`, tags), its default in the
 * chart version's record, and its renderer if it is rendered. This file adds a made-up value `banner` to the text of
 * props.ts only, runs the generator (`npm run gen`) on it, and shows that the zod schema, the fast check, the traits
 * table and the values JSON Schemas all follow, and that the values loader reads it by the generated traits.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateValueFiles } from '../../scripts/gen-values/gen';
import { VALUE_TRAITS, type TraitsTable } from '../../src/traits';
import { valuesToProps } from '../../src/values/from-values';

const ROOT = path.resolve(__dirname, '..', '..');
const PROPS = fs.readFileSync(path.join(ROOT, 'src', 'props.ts'), 'utf8');
const ANCHOR = '  readonly replicas?: number | null;\n';

/** 1. The prop: the only edit. */
const BANNER = `  /**
   * A banner text shown on the home page.
   * @default - none
   * @minLength 1
   * @falsyUnset
   * @usedAsText
   */
  readonly banner?: string;
`;

let generated: Record<string, string>;
beforeAll(async () => {
  expect(PROPS.split(ANCHOR)).toHaveLength(2);
  generated = await generateValueFiles({ 'src/props.ts': PROPS.replace(ANCHOR, ANCHOR + BANNER) });
}, 60_000);

describe('a made-up chart value, added to props.ts only', () => {
  it('is in the zod schema and the fast check, with its bounds', () => {
    expect(generated['src/schema.ts']).toMatch(/\bbanner: z\.string\(\)\.min\(1\)\.optional\(\)/);
    expect(generated['src/validation/fast-check.ts']).toMatch(/\bbanner: strLength\(1\)/);
  });

  it('is in the traits table with the traits its tags name', () => {
    expect(generated['src/traits-table.ts']).toMatch(/^ {2}banner: \{ falsyUnset: true, usedAsText: true \},$/m);
  });

  it('is in the values JSON Schema of every chart version, with the spellings its traits allow', () => {
    for (const file of ['schemas/values-0.5.29.schema.json', 'schemas/values-0.20.4.schema.json']) {
      const banner = JSON.parse(generated[file]).properties.banner;
      expect(banner.description).toBe('A banner text shown on the home page.');
      expect(banner.anyOf).toEqual(
        expect.arrayContaining([
          { type: 'string', minLength: 1 },
          { type: ['number', 'boolean'] },
          { enum: [false, '', 0] },
          { type: 'null' },
        ]),
      );
    }
  });

  it('adds only lines about it', async () => {
    const current = await generateValueFiles();
    for (const [file, text] of Object.entries(generated)) {
      const added = text.split('\n').filter((line) => !current[file].split('\n').includes(line));
      expect({
        file,
        added: added.every((line) => /banner|A banner text|"(minLength|type|enum|anyOf|description)"|^\s*[\]}{[,"\d\w:-]*$/.test(line)),
      }).toEqual({
        file,
        added: true,
      });
    }
  });

  it('is read from a values file by the traits the generator wrote: text stays text, falsy means none', () => {
    // The generated row, as the loader's table would hold it after `npm run gen`.
    const traits = { ...VALUE_TRAITS, banner: { falsyUnset: true, usedAsText: true } } as TraitsTable<unknown>;
    const release = { releaseName: 'r', namespace: 'n' };
    const banner = (values: Record<string, unknown>, table?: TraitsTable<unknown>) =>
      (valuesToProps(values, release, table as never).props as { banner?: unknown }).banner;
    expect(banner({ banner: 2024.04 }, traits)).toBe('2024.04');
    expect(banner({ banner: false }, traits)).toBeNull();
    // Without the traits, the loader has no reason to touch it.
    expect(banner({ banner: false })).toBe(false);
  });
});
