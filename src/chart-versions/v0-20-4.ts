/**
 * Chart rstudio-pm 0.20.4 (Package Manager 2026.08.0), the latest release: its
 * `values.yaml`, written as what changed since 0.5.29 (`null` removes a value).
 */
import { deepMerge } from '../leaf/objects';
import type { ChartVersionRecord } from './record';
import { CHART_0_5_29 } from './v0-5-29';

export const CHART_0_20_4: ChartVersionRecord = {
  name: 'rstudio-pm',
  version: '0.20.4',
  appVersion: '2026.08.0',
  imageTag: 'version-os',
  guards: [
    {
      path: 'image.tagPrefix',
      when: 'non-empty',
      message:
        'was removed in chart 0.20 (the image tag is now "<version>-<os>"): remove image.tagPrefix and set image.os (e.g. "ubuntu-24.04"), or give the whole tag in image.tag',
    },
  ],
  values: deepMerge(
    CHART_0_5_29.values,
    {
      image: { repository: 'posit/package-manager', tagPrefix: null, os: 'ubuntu-24.04' },
      service: { targetPort: 4242 },
      enableMigration: false,
      pod: { securityContext: { fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch' }, port: 4242, hostAliases: [] },
      startupProbe: { httpGet: { path: '/__api__/status' } },
      revisionHistoryLimit: 3,
    },
    { nullDeletes: true },
  ),
};
