// Opens the Orleans dashboard in Debian's headless Chromium the way an operator does, with the key in the address
// once, and reports what a person would see: where the browser ended up, whether the page drew the silo it
// monitors, and anything the Content-Security-Policy blocked or the page threw.
// Usage: node dashboard.mjs <server url> <operator key> <screenshot file>. Exits non-zero on any failure.
import { chromium } from "playwright-core";

const [base, key, shot] = process.argv.slice(2);
if (!base || !key || !shot) {
  console.error("usage: node dashboard.mjs <server url> <operator key> <screenshot file>");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") {
      failures.push(`console error: ${message.text()}`);
    }
  });
  const answered = [];
  page.on("response", (response) => answered.push(`${response.status()} ${new URL(response.url()).pathname}`));

  await page.goto(`${base}/dashboard/?key=${encodeURIComponent(key)}`);
  console.log(`landed on ${new URL(page.url()).pathname}${new URL(page.url()).search}`);
  await page.waitForResponse((response) => new URL(response.url()).pathname === "/dashboard/DashboardCounters" && response.status() === 200);
  console.log("the page polls its counters");
  await page.waitForFunction(() => /Active|Silos|Grains/i.test(document.body.innerText) && !/Loading\.\.\./.test(document.body.innerText));
  console.log("the page drew the cluster");
  await page.screenshot({ path: shot, fullPage: true });
  const refused = answered.filter((line) => !/^(200|304) /.test(line) && !/^303 /.test(line));
  for (const line of refused) {
    failures.push(`answered ${line}`);
  }
  const cookies = await context.cookies();
  console.log(`cookies: ${cookies.map((cookie) => `${cookie.name} path=${cookie.path} httpOnly=${cookie.httpOnly} sameSite=${cookie.sameSite}`).join(", ")}`);
} catch (error) {
  failures.push(`step failed: ${error.message}`);
} finally {
  await browser.close();
}

if (failures.length > 0) {
  for (const failure of failures) {
    console.log(`FAIL ${failure}`);
  }
  process.exit(1);
}
console.log("ok");
