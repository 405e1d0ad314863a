/**
 * One Package Manager per team, each in its own namespace (one cdk8s Chart,
 * so one output file, per team).
 *
 *   npx ts-node --transpile-only examples/many-teams.ts   # writes dist/ppm-<team>.k8s.yaml for each team
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const TEAMS = ['analytics', 'biostats', 'finance', 'marketing', 'research'];

export function build(app: App = new App()): Chart[] {
  return TEAMS.map((team) => {
    const chart = new Chart(app, `ppm-${team}`, { namespace: `ppm-${team}`, disableResourceNameHashes: true });
    new PackageManager(chart, team, {
      sharedStorage: { create: true, requests: { storage: '20Gi' } },
      ingress: {
        enabled: true,
        ingressClassName: 'nginx',
        hosts: [{ host: `${team}.packages.example.com`, paths: ['/'] }],
      },
      config: { Server: { Address: `https://${team}.packages.example.com` } },
    });
    return chart;
  });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
