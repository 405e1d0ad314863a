/** The named fast checks of gcfg settings: the twins of config-checks-zod.ts, without zod. */
import { bool, list, num, or, record, str, strMatching, strWhere, type Check } from '../leaf/check';
import { GO_DURATION, isCronSchedule, isListenAddress } from './formats';
import type { ExtraConfig, GcfgScalar } from './types';

export const listen = strWhere(isListenAddress);
export const duration = or(num({ int: true, min: 0 }), strMatching(GO_DURATION));
export const cron = strWhere(isCronSchedule);

const gcfgScalar: Check<GcfgScalar> = or(or(str, num()), bool);
/** `extraConfig`: any section, any key, gcfg values. */
export const extraConfig: Check<ExtraConfig> = record(str, record(str, or(gcfgScalar, list(gcfgScalar))));
