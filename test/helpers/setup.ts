// Synth warnings are asserted through `PackageManager.warnings`; keep test output readable.
beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});
