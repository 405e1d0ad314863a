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
   * The values are an umbrella chart's: render Package Manager from the map under this key (its chart name,
   * `rstudio-pm`, or the dependency's alias), as Helm hands it to the subchart, with the umbrella's `global` merged in.
   * @default - the values are Package Manager's own
   */
  readonly subchart?: string;
  /**
   * Warnings acknowledged for this instance.
   * @default - none
   */
  readonly acknowledgeWarnings?: WarningId[];
}
