import base from './playwright.config';
export default { ...base, webServer: { ...base.webServer, command: 'tsx tests/e2e/server.ts', timeout: 600_000 } };
