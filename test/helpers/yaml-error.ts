/** The YamlError a call throws (any other error, or none, fails the test). */
import { YamlError } from '../../src/values/yaml';

export function yamlErrorOf(f: () => unknown): YamlError {
  try {
    f();
  } catch (e) {
    if (e instanceof YamlError) return e;
    throw e;
  }
  throw new Error('expected a YamlError');
}
