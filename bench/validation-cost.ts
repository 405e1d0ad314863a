/**
 * Validation cost per instance: the fast check, zod 3 and zod 4 (`zod/v4`) on the merged props of
 * bench/fixture.js. `npx ts-node --transpile-only bench/validation-cost.ts [N]`. Information only.
 */
import { mergeOverDefaults, passesFastCheck, schemaInput } from '../src/validation/input/parse';
import { propsSchema } from '../src/schema';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fullProps } = require('./fixture');

const n = Number(process.argv[2] ?? 2000);
const v4Path = process.env.ZOD_V4_SCHEMA;
const inputs = Array.from({ length: n }, (_, i) => {
  const props = fullProps(i);
  const { values } = mergeOverDefaults(props);
  return { props, values, input: schemaInput(values, props) };
});

function time(label: string, fn: (x: (typeof inputs)[number]) => boolean) {
  for (let i = 0; i < Math.min(200, n); i++) if (!fn(inputs[i])) throw new Error(`${label} refused instance ${i}`);
  const t0 = process.hrtime.bigint();
  for (const x of inputs) fn(x);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`${label.padEnd(12)} ${us.toFixed(1)} µs/instance (N=${n})`);
}

time('fast check', (x) => passesFastCheck(x.values, x.props));
time('zod 3', (x) => propsSchema.safeParse(x.input).success);
if (v4Path) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v4 = require(v4Path) as { propsSchema: typeof propsSchema };
  time('zod 4', (x) => v4.propsSchema.safeParse(x.input).success);
}
