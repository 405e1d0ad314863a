// Synth warnings are asserted through `PackageManager.warnings` and this spy; keep test output readable.
const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
beforeEach(() => warn.mockClear());
