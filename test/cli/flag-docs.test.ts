/**
 * The one table of documented flags (src/cli/flag-docs.ts) is what the parsers take: every flag listed for a command
 * is accepted by that command's parser (with its shorthand), every flag `template`'s parser acts on is listed (or is
 * one of helm's that the help names as accepted), and each command's `--help` prints the table's lines.
 */
import { FLAGS, parseArgs, UsageError } from '../../src/cli/args';
import { COMMANDS } from '../../src/cli/commands';
import { DIFF_FLAGS, parseDiffArgs } from '../../src/cli/diff';
import { FLAG_DOCS, flagSpelling, flagsOf, type FlagCommand } from '../../src/cli/flag-docs';
import { runSchema } from '../../src/cli/schema';

/** A value each flag takes without complaint. */
const VALUE: Readonly<Record<string, string>> = { version: '0.5.29', output: 'json', 'accept-fix': 'all', 'kube-version': '1.28.0' };
const valueOf = (name: string) => VALUE[name] ?? 'x';

/** Flags `template` acts on that the table leaves out: helm's, which the help's last paragraph names or which refuse. */
const HELM_ONLY = ['debug', 'generate-name', 'name-template', 'validate', 'post-renderer'];

describe('the flags table', () => {
  it.each(flagsOf('template').map((f) => f.name))('template and lint take --%s, as the table says', (name) => {
    const doc = FLAG_DOCS.find((f) => f.name === name)!;
    expect(FLAGS[name]?.apply).toBeDefined();
    expect(FLAGS[name].short).toBe(doc.short);
    expect(FLAGS[name].kind === 'bool').toBe(doc.arg === undefined);
    const argv = doc.arg === undefined ? [`--${name}`] : [`--${name}`, valueOf(name)];
    expect(() => parseArgs(['template', 'r1', ...argv])).not.toThrow();
    if (doc.short) expect(() => parseArgs(['template', 'r1', `-${doc.short}`, valueOf(name)])).not.toThrow();
  });

  it('lists every flag template acts on, but helm-only ones', () => {
    const acted = Object.entries(FLAGS)
      .filter(([, spec]) => spec.apply)
      .map(([name]) => name);
    const listed = flagsOf('template').map((f) => f.name);
    expect(acted.filter((n) => !listed.includes(n)).sort()).toEqual([...HELM_ONLY].sort());
    expect(flagsOf('lint').every((f) => FLAGS[f.name]?.apply)).toBe(true);
  });

  it.each(flagsOf('diff').map((f) => f.name))('diff takes --%s, as the table says', (name) => {
    const doc = FLAG_DOCS.find((f) => f.name === name)!;
    const base = name === 'from' ? ['r1'] : ['r1', '--from', 'c.yaml'];
    expect(() => parseDiffArgs([...base, `--${name}`, valueOf(name)])).not.toThrow();
    expect(() => parseDiffArgs([...base, `--${name}=${valueOf(name)}`])).not.toThrow();
    if (doc.short) expect(() => parseDiffArgs([...base, `-${doc.short}`, valueOf(name)])).not.toThrow();
  });

  it("diff's completion flags are the table's, and an unlisted flag is refused", () => {
    expect(DIFF_FLAGS).toEqual(flagsOf('diff').map((f) => f.name));
    expect(() => parseDiffArgs(['r1', '--from', 'c.yaml', '--show-only', 'x'])).toThrow(/unknown option "--show-only"/);
    expect(() => parseArgs(['template', 'r1', '--accept-fix', 'all'])).toThrow(UsageError);
  });

  it('schema takes --version, as the table says', () => {
    expect(flagsOf('schema').map((f) => f.name)).toEqual(['version']);
    const out: string[] = [];
    expect(runSchema(['--version', '0.20.4'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) })).toBe(0);
  });

  it.each(['template', 'lint', 'diff', 'schema'] as FlagCommand[])("%s --help prints each of its flags' table line", (command) => {
    const help = COMMANDS.find((c) => c.name === command)!.help;
    for (const f of flagsOf(command)) expect(help).toMatch(new RegExp(`^  ${escape(flagSpelling(f))} +${escape(f.help)}$`, 'm'));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
