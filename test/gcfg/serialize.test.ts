/** The serializer writes what gcfg reads back exactly, and refuses what gcfg cannot carry. */
import fc from 'fast-check';
import cases from '../fixtures/gcfg/cases.json';
import { encodeGcfgValue, GcfgError, serializeGcfg } from '../../src/gcfg/serialize';
import { parseGcfg } from '../../src/gcfg/parse';

interface Case {
  id: string;
  value?: string;
  line?: string;
  canonical?: boolean;
}

const roundTrip = (value: string) => parseGcfg(serializeGcfg({ S: { K: value } })).s.k;

describe('serializeGcfg', () => {
  const canonical = (cases as Case[]).filter((c) => c.canonical && c.value !== undefined);

  it.each(canonical.map((c) => [c.id, c] as const))('%s reads back as the value given', (_id, c) => {
    expect(roundTrip(c.value!)).toEqual([c.value]);
  });

  it('quotes only what needs quoting', () => {
    expect(encodeGcfgValue(':4242')).toBe(':4242');
    expect(encodeGcfgValue('/opt/R/4.3.2')).toBe('/opt/R/4.3.2');
    expect(encodeGcfgValue('a#b')).toBe('"a#b"');
    expect(encodeGcfgValue('a;b')).toBe('"a;b"');
    expect(encodeGcfgValue(' x')).toBe('" x"');
    expect(encodeGcfgValue('')).toBe('""');
    expect(encodeGcfgValue('C:\\dir')).toBe('"C:\\\\dir"');
    expect(encodeGcfgValue('line1\nline2')).toBe('"line1\\nline2"');
  });

  it('writes sections and keys sorted, lists as repeated keys, a blank line between sections', () => {
    const text = serializeGcfg({
      Server: { RVersion: ['/opt/R/4.3.2', '/opt/R/4.2.3'], DataDir: '/var/lib/rstudio-pm' },
      HTTP: { Listen: ':4242' },
      Metrics: { Enabled: true },
      CRAN: { SyncSchedule: '0 0 * * *' },
      Git: { BuildRetries: 3 },
    });
    expect(text).toBe(
      [
        '[CRAN]',
        'SyncSchedule = 0 0 * * *',
        '',
        '[Git]',
        'BuildRetries = 3',
        '',
        '[HTTP]',
        'Listen = :4242',
        '',
        '[Metrics]',
        'Enabled = true',
        '',
        '[Server]',
        'DataDir = /var/lib/rstudio-pm',
        'RVersion = /opt/R/4.3.2',
        'RVersion = /opt/R/4.2.3',
        '',
      ].join('\n'),
    );
  });

  it('writes integers of a million and more in full (Helm would print 1e+06)', () => {
    expect(roundTrip(String(1_000_000))).toEqual(['1000000']);
    expect(serializeGcfg({ S: { K: 1_000_000 } })).toContain('K = 1000000');
  });

  it('omits an empty list', () => {
    expect(serializeGcfg({ S: { K: [] } })).toBe('[S]\n');
  });

  it('writes subsections', () => {
    const text = serializeGcfg({ 'Repo "my \\"r\\""': { Source: 'cran' } });
    expect(text).toBe('[Repo "my \\"r\\""]\nSource = cran\n');
    expect(parseGcfg(text)).toEqual({ 'repo "my "r""': { source: ['cran'] } });
  });

  it.each([
    ['a carriage return', 'a\rb', /carriage return/],
    ['a NUL', 'a\0b', /NUL/],
    ['a lone surrogate', 'a\uD800b', /UTF-8/],
  ])('refuses a value with %s', (_what, value, message) => {
    expect(() => serializeGcfg({ Server: { Address: value } })).toThrow(GcfgError);
    expect(() => serializeGcfg({ Server: { Address: value } })).toThrow(message);
  });

  it.each(['Data_Dir', 'Data.Dir', '1Key', 'has space', ''])('refuses the key name %j', (name) => {
    expect(() => serializeGcfg({ Server: { [name]: 'x' } })).toThrow(/not a gcfg name/);
  });

  it('round-trips 3,000 random strings of troublesome characters', () => {
    const alphabet = fc.constantFrom(...Array.from('ab #;"\\=[]\t\n \u00a0é日😀\u0001\u007f'));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 24 }).map((a) => a.join('')),
        (value) => {
          expect(roundTrip(value)).toEqual([value]);
        },
      ),
      { numRuns: 3000, seed: 42 },
    );
  });
});
