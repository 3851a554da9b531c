// End-to-end test of the web page (web/dist/index.html) in Debian's headless
// Chromium, driven by playwright-core. Run by scripts/web-e2e.sh, which builds the
// page and the CLI first. It opens a conforming and a non-conforming example the
// way a user does (file upload), and checks that the page shows exactly the
// diagnostics `juknis check --format json` gives for the same file, in both
// languages; that the plan it offers is the one `juknis compile` writes; that the
// page fits a phone's width; that severities are words, not only colours; and
// that the conformance report it offers is `juknis kepatuhan`'s page, which
// opens without any request and prints on A4 without overflow.
// Screenshots go to web/e2e/hasil/. Load time is printed, not asserted.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const dist = path.join(root, "web/dist");
const bin = process.env.JUKNIS_BIN || path.join(root, "target/release/juknis");
const out = path.join(here, "hasil");
fs.mkdirSync(out, { recursive: true });

const SESUAI = path.join(root, "juknis-examples/sesuai/diy-sma-2025.juknis");
const MELANGGAR = path.join(root, "juknis-examples/melanggar/kuota-mutasi-6-persen.juknis");
// Only a warning (peringatan): the file may be submitted.
const PERINGATAN = path.join(root, "juknis-examples/melanggar/urutan-domisili-smp-usia-dulu.juknis");
// Several defects at once (each bundled example has one): mutasi above 5%,
// afirmasi below 30% for SMA.
const BANYAK = path.join(out, "banyak-masalah.juknis");
fs.writeFileSync(BANYAK, fs.readFileSync(SESUAI, "utf8")
  .replace("jalur afirmasi 30%", "jalur afirmasi 29%")
  .replace("jalur mutasi 5%", "jalur mutasi 6%"));

/** What the CLI reports for a file: [kode, tingkat, baris, kolom, pesan] per diagnostic. */
function cli(file, lang) {
  let text;
  try {
    text = execFileSync(bin, ["--lang", lang, "check", "--format", "json", file], { encoding: "utf8" });
  } catch (e) {
    text = e.stdout; // exit 1 when the file has errors
  }
  const lap = JSON.parse(text);
  return lap.berkas[0].diagnostik.map((d) => {
    const u = d.label.find((l) => l.utama) || d.label[0];
    return [d.kode, d.tingkat, u ? u.mulai.baris : "", u ? u.mulai.kolom : "", d.pesan];
  });
}

function server() {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
  const s = http.createServer((req, res) => {
    const p = path.join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname));
    const f = p.endsWith("/") ? path.join(p, "index.html") : p;
    if (!f.startsWith(dist) || !fs.existsSync(f)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(f)] || "application/octet-stream" });
    fs.createReadStream(f).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

async function shown(page) {
  return page.$$eval("#daftar li.diag", (lis) =>
    lis.map((li) => [
      li.dataset.kode,
      li.dataset.tingkat,
      li.dataset.baris === "" ? "" : Number(li.dataset.baris),
      li.dataset.kolom === "" ? "" : Number(li.dataset.kolom),
      li.querySelector(".pesan").textContent,
    ]));
}

/** Open a file through the page's upload control and wait for its check. */
async function open(page, file) {
  const before = Number((await page.getAttribute("html", "data-diperiksa")) || 0);
  await page.setInputFiles("#berkas", file);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.diperiksa || 0) > n, before);
}

const srv = await server();
const url = `http://127.0.0.1:${srv.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let gagal = 0;
async function test(nama, f) {
  try {
    await f();
    console.log(`ok   ${nama}`);
  } catch (e) {
    gagal++;
    console.log(`GAGAL ${nama}\n${e.stack || e}`);
  }
}

try {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // Offline: any request other than the page itself fails the test.
  await page.route("**/*", (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));

  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.siap === "1" || document.querySelector("#ringkasan").dataset.status === "error");
  assert.equal(await page.getAttribute("html", "data-siap"), "1", await page.textContent("#ringkasan"));
  const ms = Date.now() - t0;
  const bytes = fs.statSync(path.join(dist, "index.html")).size;
  console.log(`load: ${ms} ms to a ready checker (page + checker ${(bytes / 1e6).toFixed(2)} MB, local server)`);

  await test("conforming example: no diagnostics, as juknis check", async () => {
    await open(page, SESUAI);
    assert.deepEqual(await shown(page), cli(SESUAI, "id"));
    assert.deepEqual(cli(SESUAI, "id"), []);
    assert.match(await page.textContent("#ringkasan"), /Sesuai/);
    assert.equal(await page.isEnabled("#unduh"), true);
    // Quota bars for every jalur, each meeting its bound; the waves as a timeline.
    assert.equal(await page.locator(".bar[data-ok='tidak']").count(), 0);
    assert.equal(await page.locator(".bar[data-ok='ya']").count(), 4);
    assert.equal(await page.locator(".garis-waktu > li").count(), 3);
    await page.screenshot({ path: path.join(out, "sesuai-laptop.png"), fullPage: true });
  });

  await test("the downloaded plan is the one juknis compile writes", async () => {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#unduh")]);
    const file = path.join(out, dl.suggestedFilename());
    await dl.saveAs(file);
    const cliPlan = JSON.parse(execFileSync(bin, ["compile", SESUAI], { encoding: "utf8" }));
    assert.deepEqual(JSON.parse(fs.readFileSync(file, "utf8")), cliPlan);
  });

  await test("conformance report: the page's download is juknis kepatuhan's page, self-contained, printable on A4", async () => {
    await open(page, BANYAK);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#unduh-kepatuhan")]);
    assert.equal(dl.suggestedFilename(), "banyak-masalah.kepatuhan.html");
    const file = path.join(out, dl.suggestedFilename());
    await dl.saveAs(file);
    const html = fs.readFileSync(file, "utf8");
    let cliHtml;
    try {
      cliHtml = execFileSync(bin, ["kepatuhan", "--format", "html", BANYAK], { encoding: "utf8" });
    } catch (e) {
      cliHtml = e.stdout; // exit 1: the juknis breaks a rule
    }
    assert.equal(html, cliHtml);
    // Opened on its own: no request beyond the page itself.
    const ctx2 = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const p = await ctx2.newPage();
    const requests = [];
    await p.route("**/*", (r) => {
      requests.push(r.request().url());
      return r.request().url().startsWith("file:") ? r.continue() : r.abort();
    });
    await p.goto("file://" + file);
    assert.deepEqual(requests, ["file://" + file]);
    assert.match(await p.textContent("#hasil"), /TIDAK SESUAI/);
    for (const kode of ["kuota.mutasi.max", "kuota.afirmasi.min"]) {
      assert.equal(await p.locator(`tr[data-kode='${kode}'][data-status='dilanggar']`).count(), 1, kode);
    }
    // Printed on A4 (the printable width at these margins is about 680 px):
    // nothing wider than the page, and a PDF comes out.
    await p.emulateMedia({ media: "print" });
    await p.setViewportSize({ width: 680, height: 1000 });
    const wide = await p.evaluate(() => {
      const w = document.documentElement.clientWidth;
      return [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > w + 1)
        .map((e) => e.tagName + " " + (e.textContent || "").slice(0, 40));
    });
    assert.deepEqual(wide, []);
    const sw = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw <= 680, `report is ${sw}px wide on a 680px page`);
    const pdf = await p.pdf({ format: "A4", printBackground: true, path: path.join(out, "kepatuhan.pdf") });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 2, `${pages} pages`);
    console.log(`     report: ${pages} A4 pages, ${(html.length / 1024).toFixed(0)} KB`);
    await p.screenshot({ path: path.join(out, "kepatuhan.png"), fullPage: true });
    await ctx2.close();
  });

  await test("non-conforming example: the same diagnostics as juknis check, on their lines", async () => {
    await open(page, MELANGGAR);
    const want = cli(MELANGGAR, "id");
    assert.ok(want.length > 0);
    assert.deepEqual(await shown(page), want);
    assert.equal(await page.isEnabled("#unduh"), false);
    // Whether the file may be submitted is said in plain words.
    assert.match(await page.textContent("#ringkasan"), /perbaiki dulu sebelum juknis diajukan/);
    for (const [kode, , baris] of want) {
      const line = page.locator(`#anotasi .b[data-baris='${baris}']`);
      assert.ok(await line.getAttribute("data-tingkat"), `line ${baris} is marked`);
      assert.match(await page.locator("#anotasi .pesan-baris").allTextContents().then((t) => t.join("\n")), new RegExp(kode.replace(/\./g, "\\.")));
    }
    assert.equal(await page.locator(".bar[data-jalur='mutasi'][data-ok='tidak']").count(), 1);
    // Each diagnostic carries its rule's explanation, as `juknis explain` says it.
    const explained = await page.$eval("#daftar li.diag[data-kode='kuota.mutasi.max'] details.penjelasan p", (p) => p.textContent);
    const explainCli = execFileSync(bin, ["explain", "kuota.mutasi.max"], { encoding: "utf8" });
    assert.ok(explainCli.includes(explained), `page: ${explained}`);
    await page.screenshot({ path: path.join(out, "melanggar-laptop.png"), fullPage: true });
  });

  await test("English on request: the messages of juknis check --lang en", async () => {
    const before = Number(await page.getAttribute("html", "data-diperiksa"));
    await page.click("#bahasa");
    await page.waitForFunction((n) => Number(document.documentElement.dataset.diperiksa) > n, before);
    assert.deepEqual(await shown(page), cli(MELANGGAR, "en"));
    assert.match(await page.textContent("#h-hasil"), /Check result/);
    await page.click("#bahasa");
    await page.waitForFunction((n) => Number(document.documentElement.dataset.diperiksa) > n + 1, before);
  });

  await test("a file with several diagnostics: all shown, in the CLI's order", async () => {
    await open(page, BANYAK);
    const want = cli(BANYAK, "id");
    assert.ok(want.length >= 2, JSON.stringify(want));
    assert.deepEqual(await shown(page), want);
  });

  await test("readable without colour: every severity is a word and a symbol", async () => {
    await open(page, MELANGGAR);
    const words = await page.$$eval("#daftar li.diag .tingkat", (s) => s.map((x) => x.textContent.trim()));
    assert.ok(words.length > 0 && words.every((w) => /^(Error|Peringatan|Catatan)$/.test(w)), words.join(","));
    const marks = await page.$$eval("#anotasi .b[data-tingkat] .tanda", (s) => s.map((x) => x.textContent));
    assert.ok(marks.every((m) => /[✖▲●]/.test(m)));
    await page.addStyleTag({ content: "html { filter: grayscale(1) }" });
    await page.screenshot({ path: path.join(out, "melanggar-tanpa-warna.png"), fullPage: true });
  });

  await test("a file with only warnings: said to be submittable in plain words", async () => {
    await open(page, PERINGATAN);
    const want = cli(PERINGATAN, "id");
    assert.ok(want.length > 0 && want.every((d) => d[1] !== "error"), JSON.stringify(want));
    assert.match(await page.textContent("#ringkasan"), /juknis ini boleh diajukan/);
  });

  await test("a draft is never lost or misnamed: autosave across a reload, Tab indents, asked before replacing, downloaded under its own name", async () => {
    const ctx3 = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const p = await ctx3.newPage();
    await p.route("**/*", (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
    await p.goto(url);
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    // Type a draft (a conforming example's text, then an edit) and name it.
    const text = fs.readFileSync(SESUAI, "utf8");
    await p.fill("#teks", text);
    await p.fill("#nama-berkas", "kota-malang-smp-2027");
    await p.press("#nama-berkas", "Enter");
    await p.dispatchEvent("#nama-berkas", "change");
    assert.equal(await p.inputValue("#nama-berkas"), "kota-malang-smp-2027.juknis");
    // Tab inside the editor indents instead of leaving it.
    await p.focus("#teks");
    await p.evaluate(() => document.getElementById("teks").setSelectionRange(0, 0));
    await p.keyboard.press("Tab");
    assert.equal(await p.evaluate(() => document.activeElement.id), "teks");
    const typed = await p.inputValue("#teks");
    assert.equal(typed, "  " + text);
    await p.waitForFunction(() => /tersimpan/.test(document.getElementById("simpan").textContent));
    // A reload keeps the draft and its name (the page also asks before
    // leaving with edits not downloaded; Playwright's reload skips that).
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    assert.equal(await p.inputValue("#teks"), typed);
    assert.equal(await p.inputValue("#nama-berkas"), "kota-malang-smp-2027.juknis");
    assert.match(await p.textContent("#simpan"), /dipulihkan/);
    // Choosing an example asks first; declining keeps the draft.
    let asked = 0;
    p.once("dialog", (d) => { asked++; d.dismiss(); });
    await p.selectOption("#contoh", { index: 2 });
    assert.equal(asked, 1);
    assert.equal(await p.inputValue("#teks"), typed);
    // The draft downloads as .juknis under the writer's name, as typed.
    const [dl] = await Promise.all([p.waitForEvent("download"), p.click("#unduh-draf")]);
    assert.equal(dl.suggestedFilename(), "kota-malang-smp-2027.juknis");
    const f = path.join(out, dl.suggestedFilename());
    await dl.saveAs(f);
    assert.equal(fs.readFileSync(f, "utf8"), typed);
    // Once downloaded, an example replaces it without asking; the plan is then
    // named after the example, never after the earlier draft.
    p.once("dialog", () => { asked++; });
    await p.selectOption("#contoh", { index: 2 });
    await p.waitForFunction((t) => document.getElementById("teks").value !== t, typed);
    assert.equal(asked, 1);
    assert.notEqual(await p.inputValue("#nama-berkas"), "kota-malang-smp-2027.juknis");
    await ctx3.close();
  });

  await test("phone width: nothing wider than the screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(url);
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    await open(p, MELANGGAR);
    assert.deepEqual(await shown(p), cli(MELANGGAR, "id"));
    // A phone widens the layout to fit wide content (and shrinks the text):
    // compare with the screen's own width, not the widened viewport.
    const sw = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw <= 390, `page is ${sw}px wide on a 390px screen`);
    await p.screenshot({ path: path.join(out, "melanggar-ponsel.png"), fullPage: true });
    await phone.close();
  });

  await test("no script errors on the page", async () => {
    assert.deepEqual(errors, []);
  });
} finally {
  await browser.close();
  srv.close();
}
console.log(gagal === 0 ? "e2e: all passed" : `e2e: ${gagal} failed`);
process.exit(gagal === 0 ? 0 : 1);
