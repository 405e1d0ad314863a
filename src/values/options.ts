/** Options of `PackageManager.fromValues` and of the values loader. */
import type { ChartVersion } from '../chart-versions';
import type { WarningId } from '../warnings';

/** Options of `PackageManager.fromValues`. */
export interface FromValuesOptions {
  /**
   * Release name.
   * @default - the construct id
   */
  readonly releaseName?: string;
  /**
   * Release namespace.
   * @default - the enclosing cdk8s Chart's namespace, else none (templates in values see "default", as in Helm)
   */
  readonly namespace?: string;
  /**
   * The chart version whose values file this is (as `helm template --version`).
   * @default '0.5.29'
   */
  readonly chartVersion?: ChartVersion;
  /**
   * Warnings acknowledged for this instance.
   * @default - none
   */
  readonly acknowledgeWarnings?: WarningId[];
}
