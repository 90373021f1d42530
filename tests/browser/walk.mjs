// Walks gestio's pages in Debian's chromium as each kind of user, checks every page with axe
// (WCAG 2.1 A and AA), saves screenshots, and prints what it saw as JSON on stdout.
// Run by tests/integration/browser.rs, which starts the app and reads the result; settings come
// in GESTIO_BROWSER (JSON: base, chromium, screenshots, users, filing).

import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const settings = JSON.parse(process.env.GESTIO_BROWSER);
const axePath = require.resolve("axe-core/axe.min.js");
const report = { pages: [], violations: [], steps: [] };

async function check(page, name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  for (const violation of result.violations) {
    report.violations.push({ page: name, id: violation.id, impact: violation.impact, help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5) });
  }
  report.pages.push({ name, url: page.url(), lang: await page.getAttribute("html", "lang") });
  await page.screenshot({ path: `${settings.screenshots}/${name}.png`, fullPage: true });
}

async function signIn(page, user) {
  await page.goto(`${settings.base}/sign-in`);
  await page.getByLabel(user.loginLabel).fill(user.login);
  await page.getByLabel(user.passwordLabel).fill(user.password);
  await Promise.all([page.waitForURL(`${settings.base}/`), page.getByRole("button", { name: user.signInLabel }).click()]);
}

async function signOut(page, label) {
  await Promise.all([page.waitForURL(`${settings.base}/sign-in`), page.getByRole("button", { name: label }).click()]);
}

let runUrl = "";
const browser = await chromium.launch({ executablePath: settings.chromium, args: ["--no-sandbox"] });
try {
  const english = { loginLabel: "Login", passwordLabel: "Password", signInLabel: "Sign in" };
  const context = await browser.newContext({ bypassCSP: true, locale: "en-GB" });
  const page = await context.newPage();

  await page.goto(`${settings.base}/sign-in`);
  await check(page, "sign-in");
  await signIn(page, { ...english, ...settings.users.counsellor });
  await check(page, "caseload");
  report.steps.push({ step: "counsellor sees the caseload", text: await page.locator("main").innerText() });
  await page.getByRole("link", { name: "Import bank statements" }).click();
  await page.waitForURL(`${settings.base}/import`);
  await check(page, "import");
  // Last month's statement as the bank's CSV export: checked against the book first.
  await page.getByLabel("Bank account", { exact: false }).selectOption({ index: 1 });
  await page.getByLabel("Bank format", { exact: true }).selectOption({ label: "BCEE (CSV)" });
  await page.getByLabel("Statement files").setInputFiles(settings.csvFile);
  await Promise.all([page.waitForResponse((response) => response.url().endsWith("/import")),
    page.getByRole("button", { name: "Import", exact: true }).click()]);
  await page.waitForLoadState();
  await check(page, "import-check");
  report.steps.push({ step: "counsellor checks a CSV statement against the book", text: await page.locator("main").innerText() });
  await Promise.all([page.waitForResponse((response) => response.url().includes("/import/drafts/")),
    page.getByRole("button", { name: "Book it" }).click()]);
  await page.waitForLoadState();
  report.steps.push({ step: "counsellor books the CSV statement", text: await page.locator("main").innerText() });
  // This month's camt statement starts where the book does not: booking it takes a reason.
  await page.getByLabel("Statement files").setInputFiles(settings.statementFile);
  await Promise.all([page.waitForResponse((response) => response.url().endsWith("/import")),
    page.getByRole("button", { name: "Import", exact: true }).click()]);
  await page.waitForLoadState();
  await Promise.all([page.waitForResponse((response) => response.url().includes("/import/drafts/")),
    page.getByRole("button", { name: "Book it" }).click()]);
  await page.waitForLoadState();
  await check(page, "import-reason");
  report.steps.push({ step: "counsellor is asked for a reason", text: await page.locator("main").innerText() });
  await page.getByLabel("Why book it although the balance differs").fill("The statement of early November is still to come");
  await Promise.all([page.waitForResponse((response) => response.url().includes("/import/drafts/")),
    page.getByRole("button", { name: "Book it" }).click()]);
  await page.waitForLoadState();
  report.steps.push({ step: "counsellor imports a statement", text: await page.locator("main").innerText() });
  await page.locator("main table a").first().click();
  await page.waitForURL(/\/case\/\d+/);
  await check(page, "case");
  const before = await page.locator("tr.line").count();
  const line = page.locator("tr.line").first();
  await line.getByLabel("Book it to").selectOption({ index: 1 });
  await line.getByLabel("and make a rule of it").check();
  await Promise.all([page.waitForURL(/\/case\/\d+\?moved=1/), line.getByRole("button", { name: "Categorise" }).click()]);
  const after = await page.locator("tr.line").count();
  report.steps.push({ step: "counsellor categorises a line", text: `${before} -> ${after}: ${await page.locator("#suspense + p").innerText()}` });
  const caseUrl = page.url().replace(/[?#].*$/, "");
  await page.getByRole("link", { name: "A rule was made of it" }).click();
  await page.waitForURL(/\/case\/\d+\/rules/);
  await check(page, "case-rules");
  report.steps.push({ step: "counsellor reads the rules", text: await page.locator("main").innerText() });
  await page.goto(caseUrl);
  await page.getByRole("link", { name: "Imports", exact: true }).click();
  await page.waitForURL(/\/case\/\d+\/imports$/);
  await check(page, "case-imports");
  const csvImport = page.locator("tr").filter({ hasText: "bcee-demo" });
  await csvImport.getByLabel("I want to undo this import").check();
  await Promise.all([page.waitForURL(/\/imports\?undone=/), csvImport.getByRole("button", { name: "Undo the import" }).click()]);
  report.steps.push({ step: "counsellor undoes the CSV import", text: await page.locator("main").innerText() });
  await page.goto(caseUrl);
  await page.locator("#entries ~ table a").first().click();
  await page.waitForURL(/\/case\/\d+\/entries\/\d+$/);
  await check(page, "entry");
  const receipt = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010802000000", "hex");
  await page.getByLabel("Receipts to attach").setInputFiles({ name: "quittance.png", mimeType: "image/png", buffer: receipt });
  await Promise.all([page.waitForURL(/\/entries\/\d+$/), page.getByRole("button", { name: "Attach", exact: true }).click()]);
  report.steps.push({ step: "counsellor attaches a receipt", text: await page.locator("#evidence + ul").innerText() });
  await page.goto(caseUrl);
  await page.getByRole("link", { name: "A new entry" }).click();
  await page.waitForURL(/\/case\/\d+\/entries\/new$/);
  await page.getByLabel("What happened").fill("Pocket money handed over in cash");
  await page.getByLabel("Amount").fill("20.00");
  await page.getByLabel("From (where the money comes from)").selectOption({ label: "1000 Cash box" });
  await page.getByLabel("To (where the money goes)").selectOption({ label: "6400 Pocket money and living allowance" });
  await check(page, "new-entry");
  await Promise.all([page.waitForURL(/\/entries\/\d+\?posted=1/), page.getByRole("button", { name: "Post the entry" }).click()]);
  report.steps.push({ step: "counsellor posts an entry by hand", text: await page.locator("main").innerText() });
  await page.goto(caseUrl);
  await page.getByRole("link", { name: "Payments, schedules and debts" }).click();
  await page.waitForURL(/\/case\/\d+\/payments$/);
  await check(page, "case-payments");
  await page.goto(caseUrl);
  await page.getByRole("link", { name: "Accounts for the court and statements" }).first().click();
  await page.waitForURL(/\/case\/\d+\/court$/);
  const periodForm = page.locator('form[action$="/court"]');
  await periodForm.getByLabel("From").fill("2026-07-01");
  await periodForm.getByLabel("To", { exact: true }).fill("2026-07-31");
  await Promise.all([page.waitForURL(/\/court\?from=/), page.getByRole("button", { name: "Show the account" }).click()]);
  await check(page, "court-preview");
  report.steps.push({ step: "counsellor previews July", text: await page.locator("#checks + *").innerText() });
  const confirm = page.locator("#confirm");
  if (await confirm.count()) await confirm.check();
  await Promise.all([page.waitForURL(/\/court\?done=filed$/), page.getByRole("button", { name: "File the account for the court" }).click()]);
  await check(page, "court-filed");
  report.steps.push({ step: "counsellor files July", text: await page.locator("#filed + table").innerText() });
  await page.goto(`${settings.base}/`);
  await page.getByRole("link", { name: "Payments" }).click();
  await page.waitForURL(`${settings.base}/payments`);
  await check(page, "payments");
  await page.getByLabel("Execution date").fill("2027-02-01");
  await page.getByLabel("From the account of").selectOption({ label: "Maria Fernandes" });
  await Promise.all([page.waitForURL(/\/payments\/runs\/\d+$/), page.getByRole("button", { name: "Prepare the run" }).click()]);
  await check(page, "payment-run");
  runUrl = page.url();
  report.steps.push({ step: "counsellor prepares a run", text: await page.locator("#run-state").innerText() });
  await signOut(page, "Sign out");

  await signIn(page, { ...english, ...settings.users.beneficiary });
  await check(page, "portal");
  await page.getByRole("link").filter({ hasText: /\d{4}/ }).first().click();
  await page.waitForLoadState();
  await check(page, "statement");
  report.steps.push({ step: "beneficiary reads the statement", text: await page.locator("body").innerText() });
  await page.goto(`${settings.base}/`);
  await signOut(page, "Sair");

  await signIn(page, { ...english, ...settings.users.court });
  await check(page, "court");
  await page.locator(`section[aria-labelledby="filing-${settings.filing}"]`).getByRole("link", { name: "Open the account and its receipts" }).click();
  await page.waitForURL(/\/court\/filings\/\d+$/);
  await check(page, "court-filing");
  report.steps.push({ step: "court opens the account", text: await page.locator("main").innerText() });
  await page.getByRole("link", { name: "Back" }).click();
  await page.waitForURL(/#filing-/);
  const filing = page.locator(`section[aria-labelledby="filing-${settings.filing}"]`);
  await filing.getByLabel("I have read this account and its receipts", { exact: false }).check();
  await Promise.all([page.waitForURL(/reviewed=\d+#filing-/), filing.getByRole("button", { name: "Approve this account" }).click()]);
  report.steps.push({ step: "court approves the account", text: await page.locator("main").innerText() });
  await signOut(page, "Sign out");

  await signIn(page, { ...english, ...settings.users.supervisor });
  await page.goto(runUrl);
  await Promise.all([page.waitForURL(runUrl), page.getByRole("button", { name: "Approve the run and write its files" }).click()]);
  report.steps.push({ step: "supervisor approves the run", text: await page.locator("#run-state").innerText() });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /pain\.001/ }).first().click()]);
  const fs = await import("node:fs/promises");
  report.steps.push({ step: "supervisor downloads the pain.001", text: await fs.readFile(await download.path(), "utf8") });
  await page.goto(`${settings.base}/admin/users`);
  await check(page, "admin-users");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.waitForURL(`${settings.base}/admin/settings`);
  await check(page, "settings");
  await page.goto(`${settings.base}/audit`);
  await check(page, "audit");
  report.steps.push({ step: "supervisor reads the audit log", text: await page.locator("main").innerText() });
  await signOut(page, "Sign out");

  await signIn(page, { ...english, ...settings.users.administrator });
  await check(page, "courts");
  const newCourt = page.locator('form[action="/courts"]');
  await newCourt.getByLabel("Name, as on judgments").fill("Justice de paix d'Esch-sur-Alzette");
  await newCourt.getByLabel("Layout of its accounts").selectOption({ label: "Luxembourg" });
  await Promise.all([page.waitForURL(`${settings.base}/`), newCourt.getByRole("button", { name: "Record a court" }).click()]);
  const esch = page.locator("section").filter({ hasText: "Justice de paix d'Esch-sur-Alzette" });
  await esch.getByText("Add a member of its staff").first().click();
  await esch.getByLabel("Login").fill("greffe-esch");
  await esch.getByLabel("Name", { exact: true }).fill("Greffe de la justice de paix");
  await esch.getByLabel("Password").fill("seven green lanterns over the Alzette");
  await Promise.all([page.waitForURL(`${settings.base}/`), esch.getByRole("button", { name: "Add a member of its staff" }).click()]);
  report.steps.push({ step: "administrator records a court and its clerk", text: await esch.innerText() });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${settings.screenshots}/courts-390.png`, fullPage: true });

  // A German counsellor and a French clerk on a phone: the new pages in their languages at 390 px.
  const german = { loginLabel: "Benutzername", passwordLabel: "Passwort", signInLabel: "Anmelden" };
  const phone = { width: 390, height: 844 };
  const deContext = await browser.newContext({ bypassCSP: true, locale: "de-DE", viewport: phone });
  const dePage = await deContext.newPage();
  await signIn(dePage, { ...german, ...settings.users.counsellor });
  await dePage.locator("main table a").first().click();
  await dePage.waitForURL(/\/case\/\d+/);
  await check(dePage, "de-case-390");
  await dePage.getByRole("link", { name: "Rechnungslegung für das Gericht und Monatsauszüge" }).first().click();
  await dePage.waitForURL(/\/court$/);
  await check(dePage, "de-court-panel-390");
  const deCase = dePage.url().replace(/\/court$/, "");
  await dePage.goto(deCase);
  await dePage.getByRole("link", { name: "Regeln", exact: true }).click();
  await dePage.waitForURL(/\/rules$/);
  await check(dePage, "de-rules-390");
  await dePage.goto(deCase);
  await dePage.getByRole("link", { name: "Importe", exact: true }).click();
  await dePage.waitForURL(/\/imports$/);
  await check(dePage, "de-imports-390");
  await dePage.goto(deCase);
  await dePage.getByRole("link", { name: "Eine neue Buchung", exact: true }).click();
  await dePage.waitForURL(/\/entries\/new$/);
  await check(dePage, "de-new-entry-390");
  await dePage.goto(`${settings.base}/nope`);
  await check(dePage, "de-not-found-390");
  report.steps.push({ step: "a German counsellor meets an unknown address", text: await dePage.locator("main").innerText() });
  const french = { loginLabel: "Identifiant", passwordLabel: "Mot de passe", signInLabel: "Se connecter" };
  const frContext = await browser.newContext({ bypassCSP: true, locale: "fr-LU", viewport: phone });
  const frPage = await frContext.newPage();
  await signIn(frPage, { ...french, ...settings.users.court });
  await check(frPage, "fr-court-390");
  await frPage.goto(`${settings.base}/?show=all`);
  await frPage.getByRole("link", { name: "Ouvrir le compte et ses justificatifs" }).first().click();
  await frPage.waitForURL(/\/court\/filings\/\d+$/);
  await check(frPage, "fr-court-filing-390");

  // Maria reads this month so far on her phone, in Portuguese.
  const portuguese = { loginLabel: "Utilizador", passwordLabel: "Palavra-passe", signInLabel: "Entrar" };
  const ptContext = await browser.newContext({ bypassCSP: true, locale: "pt-PT", viewport: phone });
  const ptPage = await ptContext.newPage();
  await signIn(ptPage, { ...portuguese, ...settings.users.beneficiary });
  await check(ptPage, "pt-portal-390");
  await ptPage.getByRole("link").filter({ hasText: /\(até / }).first().click();
  await ptPage.waitForURL(/\/statements\/\d+\/\d{4}-\d{2}$/);
  await check(ptPage, "pt-statement-390");
  report.steps.push({ step: "a beneficiary reads this month so far on a phone", text: await ptPage.locator("main").innerText() });
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
