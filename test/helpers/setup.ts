// Nothing of this library prints while constructing: a test that makes it print fails.
let spies: jest.SpyInstance[] = [];
beforeEach(() => {
  spies = [jest.spyOn(console, 'warn'), jest.spyOn(console, 'error'), jest.spyOn(console, 'log')];
});
afterEach(() => {
  for (const spy of spies) {
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    if (calls > 0) throw new Error(`the test printed to the console ${calls} time(s): warnings are recorded, not printed`);
  }
});
