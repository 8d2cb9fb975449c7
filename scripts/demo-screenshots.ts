// `npm run screenshots`: regenerates docs/screenshots/ from the running demo (demo/server.ts on a
// free port, Debian's Chromium): the checkout at 390 and 1280 px in both themes, with the Google
// Pay sheet closed and open, and the set of
// screens Google asks for when it reviews a Google Pay integration (see docs/demo.md).
import { mkdir } from 'node:fs/promises';
import { launchChromium, startDemoServer } from '../test/e2e/chromium.js';
import { DEMO_VIEWS, googleIntegrationShots, openDemoView, openSheet } from '../test/e2e/demo-views.js';

const OUT = 'docs/screenshots';
await mkdir(OUT, { recursive: true });
const { origin, stop } = await startDemoServer();
const browser = await launchChromium();
try {
  for (const view of DEMO_VIEWS) {
    const { page, context } = await openDemoView(browser, origin, view);
    await page.screenshot({ path: `${OUT}/${view.name}.png`, fullPage: true });
    await openSheet(page);
    await page.screenshot({ path: `${OUT}/${view.name}-sheet.png` });
    console.log(`${OUT}/${view.name}.png`, `${OUT}/${view.name}-sheet.png`);
    await context.close();
  }
  for (const file of await googleIntegrationShots(browser, origin, OUT)) console.log(file);
} finally {
  await browser.close();
  await stop();
}
