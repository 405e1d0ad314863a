/**
 * What adding a chart value takes: the props, the schema, the traits table —
 * plus a renderer if it is rendered. This file adds a made-up value `banner`
 * and shows that the compiler ties the three together (the `@ts-expect-error`
 * lines are type errors, checked by `tsc` in `npm test`), and that the values
 * loader reads it through the table.
 */
import { z } from 'zod';
import type { NoNull, PackageManagerProps, SecretsByName } from '../../src';
import { propsSchema, type SchemaMatches } from '../../src/schema';
import { VALUE_TRAITS, type TraitsTable } from '../../src/traits';
import { valuesToProps } from '../../src/values/from-values';

// 1. The props: a made-up chart value.
interface MadeUpProps extends PackageManagerProps {
  /**
   * A banner text.
   * @default - none
   */
  readonly banner?: string;
}
type Values = NoNull<SecretsByName<Omit<MadeUpProps, 'chartVersion' | 'acknowledgeWarnings'>>>;

// 2. The schema: without the new key it no longer matches the props…
// @ts-expect-error the schema lacks `banner`
const stale: SchemaMatches<typeof propsSchema, Values> = true;
// …with it, it does.
const schema = propsSchema.extend({ banner: z.string().optional() });
const fresh: SchemaMatches<typeof schema, Values> = true;

// 3. The traits table: typed against the props, so a misspelled path does not compile.
const traits: TraitsTable<MadeUpProps> = { ...VALUE_TRAITS, banner: { falsyUnset: true, usedAsText: true } };
// @ts-expect-error `bannr` is not a prop path
const typo: TraitsTable<MadeUpProps> = { bannr: { usedAsText: true } };

describe('a made-up chart value', () => {
  it('compiles only with props, schema and table in agreement', () => {
    expect([stale, fresh, Object.keys(typo)]).toEqual([true, true, ['bannr']]);
  });

  it('is read from a values file through the table: text stays text, falsy means none', () => {
    const release = { releaseName: 'r', namespace: 'n' };
    expect((valuesToProps({ banner: 2024.04 }, release, traits).props as MadeUpProps).banner).toBe('2024.04');
    expect((valuesToProps({ banner: false }, release, traits).props as MadeUpProps).banner).toBeNull();
    // Without the table entry, the loader has no reason to touch it.
    expect((valuesToProps({ banner: false }, release).props as MadeUpProps).banner).toBe(false);
  });

  it('is checked by the extended schema', () => {
    expect(schema.safeParse({ banner: 'hello' }).success).toBe(true);
    expect(schema.safeParse({ banner: 42 }).success).toBe(false);
  });
});
