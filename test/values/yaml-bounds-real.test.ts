/**
 * Issue 19: the YAML reader's entry bound at its real size, 100,000 entries (test/values/yaml-bounds.test.ts tests
 * the same code at a bound of 1,000). Each text here takes a second or more to read: `npm run test:slow` (CI) runs it.
 */
import { MAX_YAML_ENTRIES, parseValuesYaml, YamlError, yamlBounds } from '../../src/values/yaml';

const MiB = 1024 * 1024;
const answer = (text: string): unknown => {
  try {
    return parseValuesYaml(text, { source: 'values.yaml' });
  } catch (e) {
    return e;
  }
};
const refusal = (bound: string) =>
  new RegExp(
    `^values\\.yaml:(\\d+):(\\d+): more than ${bound} entries \\(list items, map keys, \\[ \\] and \\{ \\}\\) in one text, which this reader refuses: no values file holds so many; split it into several files \\(-f a\\.yaml -f b\\.yaml\\)$`,
  );

const boundAsLoaded = yamlBounds.entries;

describe(`at most ${MAX_YAML_ENTRIES} entries in one text`, () => {
  it('reads 100,000 entries (one map key and 99,999 list items) and refuses one more, naming its line and column', () => {
    expect([MAX_YAML_ENTRIES, boundAsLoaded]).toEqual([100_000, 100_000]);
    const list = (n: number) => `a:\n${'- 0\n'.repeat(n)}`;
    expect((answer(list(MAX_YAML_ENTRIES - 1)) as { a: unknown[] }).a).toHaveLength(MAX_YAML_ENTRIES - 1);
    const refused = answer(list(MAX_YAML_ENTRIES)) as YamlError;
    expect(refused).toBeInstanceOf(YamlError);
    expect(refused.message).toMatch(refusal('100,000'));
    expect([refused.line, refused.column]).toEqual([MAX_YAML_ENTRIES + 1, 1]);
  }, 60_000);

  // Each `a:` before `,` becomes the text "a:", each `?x` becomes `? x`: 349,525 edits at 1 MiB were spread into
  // push(), which overflowed the stack and was reported as "nested deeper". Now refused for their count.
  it('refuses 1 MiB of a: [a:,a:,…] for its count of entries, not as "nested deeper"', () => {
    const got = answer(`a: [${'a:,'.repeat(MiB / 3)}]`);
    expect(got).toBeInstanceOf(YamlError);
    expect(String((got as Error).message)).not.toMatch(/nested|call stack/);
    expect((got as Error).message).toMatch(refusal('100,000'));
  }, 60_000);

  it('reads 49,999 rewrites (of `a:` and `?x`, two entries each to the lexer) in one list', () => {
    const pairs = (MAX_YAML_ENTRIES - 4) / 4; // `a:`, `[`, 4 per pair, the last `a:`: 99,999 entries
    const got = answer(`a: [${'a:,?x,'.repeat(pairs)}a:]`) as { a: unknown[] };
    expect(got.a).toHaveLength(2 * pairs + 1);
    expect(got.a.slice(-3)).toEqual(['a:', { x: null }, 'a:']);
  }, 60_000);
});
