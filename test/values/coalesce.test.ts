/** Helm's coalescing of user values over a chart's values.yaml, and the merge of several -f files. */
import { coalesceValues, copyValues, mergeValueLayers, type CoalesceWarning } from '../../src/values/coalesce';

const chart = {
  replicas: 1,
  name: '',
  nothing: null,
  image: { repository: 'repo', tag: '', pullSecrets: [] },
  config: { HTTP: { Listen: ':4242' }, Metrics: { Enabled: true } },
  list: [1, 2],
};

function coalesce(user: Record<string, unknown>) {
  const warnings: CoalesceWarning[] = [];
  const values = coalesceValues(chart, user, { onWarning: (w) => warnings.push(w) });
  return { values, warnings: warnings.map((w) => w.message) };
}

describe('coalesceValues', () => {
  it('fills what the user did not give from the chart, nulls of the chart included', () => {
    expect(coalesce({}).values).toStrictEqual(chart);
  });

  it('deletes a chart key the user sets to null, at any depth and for whole maps', () => {
    const { values } = coalesce({ replicas: null, image: { tag: null }, config: { HTTP: null, Metrics: { Enabled: null } } });
    expect(values).toStrictEqual({
      name: '',
      nothing: null,
      image: { repository: 'repo', pullSecrets: [] },
      config: { Metrics: {} },
      list: [1, 2],
    });
  });

  it('keeps a user null where the chart has no such key', () => {
    const { values } = coalesce({ extra: null, image: { other: null } });
    expect(values.extra).toBeNull();
    expect(values.image).toStrictEqual({ repository: 'repo', tag: '', pullSecrets: [], other: null });
  });

  it('replaces lists and scalars, keeping falsy values', () => {
    const { values } = coalesce({ list: [9], replicas: 0, name: false, image: { pullSecrets: [{ name: 's' }] } });
    expect(values).toMatchObject({ list: [9], replicas: 0, name: false, image: { pullSecrets: [{ name: 's' }] } });
  });

  it('lets a user map win over a chart scalar, with helm warning only where the chart value is not null', () => {
    const { values, warnings } = coalesce({ replicas: { a: 1 }, nothing: { b: 2 } });
    expect(values).toMatchObject({ replicas: { a: 1 }, nothing: { b: 2 } });
    expect(warnings).toEqual(['warning: skipped value for rstudio-pm.replicas: Not a table.']);
  });

  it('lets a user scalar win over a chart map, warning below the top level only', () => {
    const { values, warnings } = coalesce({ image: 5, config: { HTTP: 'off' } });
    expect(values).toMatchObject({ image: 5, config: { HTTP: 'off', Metrics: { Enabled: true } } });
    expect(warnings).toEqual(['warning: cannot overwrite table with non table for rstudio-pm.config.HTTP']);
  });

  it('warns when a nested user map meets a chart scalar', () => {
    expect(coalesce({ image: { tag: { x: 1 } } }).warnings).toEqual([
      'warning: destination for rstudio-pm.image.tag is a table. Ignoring non-table value',
    ]);
  });

  it('changes neither input and shares nothing with them', () => {
    const user = { image: { tag: null }, config: { New: { a: 1 } } };
    const before = JSON.stringify([chart, user]);
    const values = coalesceValues(chart, user);
    expect(JSON.stringify([chart, user])).toBe(before);
    (values.config as Record<string, Record<string, unknown>>).HTTP.Listen = 'changed';
    expect(chart.config.HTTP.Listen).toBe(':4242');
  });

  it('takes __proto__ as a plain key', () => {
    const user = copyValues(JSON.parse('{"__proto__": {"polluted": 1}, "image": {"__proto__": null}}'));
    const values = coalesceValues({ image: { ['__proto__']: 'x', tag: 't' } }, user);
    expect(Object.keys(values)).toEqual(['__proto__', 'image']);
    expect(values.image).toStrictEqual({ tag: 't' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names warnings with the chart name given', () => {
    const warnings: CoalesceWarning[] = [];
    coalesceValues({ a: 1 }, { a: { b: 1 } }, { chartName: 'other', onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([{ path: 'other.a', message: 'warning: skipped value for other.a: Not a table.' }]);
  });
});

describe('mergeValueLayers (several -f files)', () => {
  it('merges maps, later layers winning, lists and nulls replacing', () => {
    expect(mergeValueLayers([{ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3], e: null }, d: { x: 1 } }, { f: 1 }])).toStrictEqual({
      a: { b: 1, c: [3], e: null },
      d: { x: 1 },
      f: 1,
    });
  });

  it('lets a scalar replace a map and a map replace a scalar', () => {
    expect(mergeValueLayers([{ a: { b: 1 } }, { a: 5 }, { a: { c: 1 } }])).toStrictEqual({ a: { c: 1 } });
  });

  it('keeps a null that a later layer does not touch, so that it still deletes the chart default', () => {
    const user = mergeValueLayers([{ image: { tag: null } }, { image: { repository: 'r' } }]);
    expect(coalesceValues(chart, user).image).toStrictEqual({ repository: 'r', pullSecrets: [] });
  });

  it('copies its inputs', () => {
    const layer = { a: { b: [1] } };
    const out = mergeValueLayers([layer]);
    (out.a as { b: number[] }).b.push(2);
    expect(layer.a.b).toEqual([1]);
  });
});
