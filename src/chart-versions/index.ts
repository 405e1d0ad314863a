/** The chart versions, by version; the default is the one this library started from. */
import { CHART_VERSIONS, type ChartVersion, type ChartVersionRecord } from './record';
import { CHART_0_20_4 } from './v0-20-4';
import { CHART_0_5_29 } from './v0-5-29';

export { CHART_VERSIONS, type ChartGuard, type ChartVersion, type ChartVersionRecord, type ImageTagScheme } from './record';

/** Every supported chart release, by version. */
export const CHART_RECORDS: Readonly<Record<ChartVersion, ChartVersionRecord>> = {
  '0.5.29': CHART_0_5_29,
  '0.20.4': CHART_0_20_4,
};

/** The chart version used when none is given. */
export const DEFAULT_CHART_VERSION: ChartVersion = '0.5.29';

/** True for a chart version this library renders. */
export function isChartVersion(v: unknown): v is ChartVersion {
  return typeof v === 'string' && (CHART_VERSIONS as readonly string[]).includes(v);
}

/** What to say about an unsupported chart version. */
export function unsupportedChartVersion(v: unknown): string {
  return `chart version ${JSON.stringify(v)} is not supported: use one of ${CHART_VERSIONS.map((c) => JSON.stringify(c)).join(', ')}`;
}

/** The record of a chart version (the default when none is given). */
export function chartRecord(version: ChartVersion | undefined): ChartVersionRecord {
  return CHART_RECORDS[version ?? DEFAULT_CHART_VERSION];
}
