/**
 * Import rules of docs/architecture.md, checked by `npm run lint:deps` (part of `npm test`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'gateway-folders-only-through-the-registry',
      comment:
        'Outside src/gateways/, code reaches a gateway only through src/gateways/registry.ts (server, sandbox) ' +
        'or src/gateways/profiles.ts (browser). Adding a gateway must not touch the core.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/gateways/' },
      to: { path: '^src/gateways/[^/]+/' },
    },
    {
      name: 'gateways-stay-apart',
      comment: 'One gateway folder never imports another.',
      severity: 'error',
      from: { path: '^src/gateways/([^/]+)/' },
      to: { path: '^src/gateways/[^/]+/', pathNot: '^src/gateways/$1/' },
    },
    {
      name: 'browser-code-imports-no-server-code',
      comment: 'The elements and their flows run in a page: no server, sandbox or gateway-client code.',
      severity: 'error',
      from: { path: '^src/(elements|checkout|protocol|i18n|google-pay)/' },
      to: { path: '^src/(server|sandbox|ecv2)/|^src/gateways/registry\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: "A type-only import back (an adapter naming its client's type) is no cycle at run time.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
