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

/** The draft's text, as the editor holds it. */
function draft(page) {
  return page.evaluate(() => window.juknis.text());
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
    // Type a draft (a conforming example's text) into the editor and name it.
    const text = fs.readFileSync(SESUAI, "utf8");
    await p.click(".cm-content");
    await p.keyboard.insertText(text);
    assert.equal(await draft(p), text);
    await p.fill("#nama-berkas", "kota-malang-smp-2027");
    await p.press("#nama-berkas", "Enter");
    await p.dispatchEvent("#nama-berkas", "change");
    assert.equal(await p.inputValue("#nama-berkas"), "kota-malang-smp-2027.juknis");
    // Tab inside the editor indents instead of leaving it.
    await p.click(".cm-content");
    await p.keyboard.press("Control+Home");
    await p.keyboard.press("Tab");
    assert.ok(await p.evaluate(() => document.activeElement.classList.contains("cm-content")));
    const typed = await draft(p);
    assert.equal(typed, "  " + text);
    await p.waitForFunction(() => /tersimpan/.test(document.getElementById("simpan").textContent));
    // A reload keeps the draft and its name (the page also asks before
    // leaving with edits not downloaded; Playwright's reload skips that).
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    assert.equal(await draft(p), typed);
    assert.equal(await p.inputValue("#nama-berkas"), "kota-malang-smp-2027.juknis");
    assert.match(await p.textContent("#simpan"), /dipulihkan/);
    // Choosing an example asks first; declining keeps the draft.
    let asked = 0;
    p.once("dialog", (d) => { asked++; d.dismiss(); });
    await p.selectOption("#contoh", { index: 2 });
    assert.equal(asked, 1);
    assert.equal(await draft(p), typed);
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
    await p.waitForFunction((t) => window.juknis.text() !== t, typed);
    assert.equal(asked, 1);
    assert.notEqual(await p.inputValue("#nama-berkas"), "kota-malang-smp-2027.juknis");
    await ctx3.close();
  });

  await test("editor tools: a template per jenjang is juknis init's, the format button is juknis fmt's", async () => {
    const ctx4 = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const p = await ctx4.newPage();
    await p.route("**/*", (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
    await p.goto(url);
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    const tahun = await p.evaluate(() => formulir.nextYear());
    await p.selectOption("#templat", "SMA");
    await p.waitForFunction(() => window.juknis.text().length > 0);
    assert.equal(await draft(p), execFileSync(bin, ["init", "--jenjang", "SMA", "--tahun", String(tahun)], { encoding: "utf8" }));
    // Line numbers and highlighting: keywords are marked as such.
    assert.ok(await p.locator(".cm-lineNumbers .cm-gutterElement").count() > 10);
    // A messy layout, tidied with one click into what `juknis fmt` writes.
    const messy = fs.readFileSync(SESUAI, "utf8").replace(/\n  /g, "\n      ").replace(/ \{/g, "   {");
    await p.click(".cm-content");
    await p.keyboard.press("Control+A");
    await p.keyboard.insertText(messy);
    await p.click("#rapikan");
    assert.equal(await draft(p), fs.readFileSync(SESUAI, "utf8"));
    assert.match(await p.textContent("#simpan"), /dirapikan/);
    // The form opened on a juknis written by hand says writing from it would
    // drop what it does not ask about.
    await p.click("#buka-formulir");
    assert.equal(await p.isVisible("#formulir-lebih"), true);
    assert.equal(await p.inputValue("#q-kuota-domisili"), "35%");
    await p.click("#tutup-formulir");
    await ctx4.close();
  });

  await test("done-when: from a file, the guided form writes an SMP draft whose gaps fail, completed, three slips marked, a fix clicked, kept across a reload, downloaded under its name, offline", async () => {
    const ctx5 = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const p = await ctx5.newPage();
    const fromFile = "file://" + path.join(dist, "index.html");
    const requests = [];
    await p.route("**/*", (r) => {
      requests.push(r.request().url());
      return r.request().url().startsWith("file:") ? r.continue() : r.abort();
    });
    const errs = [];
    p.on("pageerror", (e) => errs.push(String(e)));
    await p.goto(fromFile);
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    // The form: SMP, 2027, some answers only.
    await p.click("#buka-formulir");
    await p.selectOption("#f-jenjang", "SMP");
    await p.fill("#f-tahun", "2027");
    await p.dispatchEvent("#f-tahun", "change");
    // The national bound is shown beside the quota.
    assert.match(await p.textContent(".soal[data-kunci='kuota.domisili'] .batas-nasional"), /paling sedikit 40%.*Pasal 30/);
    const some = { pemerintah: "Kota Malang", "kuota.domisili": "50%", "kuota.afirmasi": "20%" };
    for (const [k, v] of Object.entries(some)) await p.fill(`#q-${k.replace(/\./g, "-")}`, v);
    await p.click("#tulis-draf");
    await p.waitForFunction(() => document.getElementById("ringkasan").dataset.status === "error");
    const gaps = await shown(p);
    assert.ok(gaps.some((d) => d[0] === "nilai.kosong"), JSON.stringify(gaps));
    assert.match(await draft(p), /pemerintah kota "Malang"/);
    assert.match(await draft(p), /jalur domisili 50%/);
    assert.equal(await p.inputValue("#nama-berkas"), "spmb-smp-kota-malang-2027.juknis");
    // Reopened on the draft, the form has the answers given; complete it.
    await p.click("#buka-formulir");
    assert.equal(await p.inputValue("#q-pemerintah"), "Kota Malang");
    // A draft the form wrote holds nothing the form would drop.
    assert.equal(await p.isHidden("#formulir-lebih"), true);
    assert.equal(await p.inputValue("#q-kuota-domisili"), "50%");
    const rest = {
      ditetapkan: "2027-02-26", pengumuman_pendaftaran: "2027-05-03", rombel: "32",
      wilayah: "administratif kelurahan, kecamatan", pilihan: "1", mekanisme: "tunggal",
      rapor: "kelas 4 semester 1 sampai kelas 6 semester 1", mapel: "bindo, mtk, ipa, bing",
      "urutan.domisili": "jarak terdekat, usia tertua, waktu_daftar terawal",
      "kuota.afirmasi.ketm": "18%", "kuota.afirmasi.disabilitas": "2%",
      "urutan.afirmasi": "jarak terdekat, usia tertua, waktu_daftar terawal",
      "kuota.prestasi": "25%", "urutan.prestasi": "nilai_rapor tertinggi, jarak terdekat, waktu_daftar terawal",
      "kuota.mutasi": "5%", "kuota.mutasi.pindah_tugas": "4%", "kuota.mutasi.anak_guru": "1%",
      "urutan.mutasi": "jarak terdekat, waktu_daftar terawal",
      "tahap.1.jalur": "afirmasi, mutasi, prestasi", "tahap.1.pendaftaran": "2027-06-07 sampai 2027-06-09",
      "tahap.1.pengumuman": "2027-06-12", "tahap.1.daftar_ulang": "2027-06-14 sampai 2027-06-15",
      "tahap.2.jalur": "domisili", "tahap.2.pendaftaran": "2027-06-16 sampai 2027-06-18",
      "tahap.2.pengumuman": "2027-06-21", "tahap.2.daftar_ulang": "2027-06-22 sampai 2027-06-23",
      pengaduan: "https://spmb.malangkota.go.id/pengaduan", pemantauan: "Tim Pemantauan SPMB Dinas Pendidikan Kota Malang",
    };
    for (const [k, v] of Object.entries(rest)) await p.fill(`#q-${k.replace(/\./g, "-")}`, v);
    p.once("dialog", (d) => d.accept()); // the draft so far is replaced
    await p.click("#tulis-draf");
    await p.waitForFunction(() => document.getElementById("ringkasan").dataset.status !== "error");
    assert.deepEqual((await shown(p)).filter((d) => d[1] === "error"), []);
    const complete = await draft(p);
    // Three slips typed: a percentage as a word, a date in another order, a misspelt subject.
    const slips = [["50%", "50 persen", "jalur domisili"], ["2027-06-12", "12-06-2027", "pengumuman"], ["mtk", "matemtika", "mapel"]];
    for (const [from, to, after] of slips) {
      assert.ok(await p.evaluate(([a, b]) => window.juknis.find(a, b), [from, after]), from);
      await p.keyboard.insertText(to);
    }
    await p.waitForFunction(() => document.querySelectorAll("#daftar li.diag").length >= 3);
    const now = await draft(p);
    const lineOf = (t) => now.split("\n").findIndex((l) => l.includes(t)) + 1;
    const diags = await shown(p);
    for (const [, to] of slips) {
      const line = lineOf(to);
      assert.ok(diags.some((d) => d[2] === line), `a diagnostic on line ${line} (${to}): ${JSON.stringify(diags)}`);
      // The editor marks the slip itself, on its line.
      const marked = await p.$$eval(".cm-lintRange", (ms) => ms.map((m) => [m.textContent, window.juknis.lineOf(m)]));
      assert.ok(marked.some(([t, l]) => to.includes(t) && t.length > 0 && l === line), `${to} marked: ${JSON.stringify(marked)}`);
    }
    // A fix applied with one click: the date is written back as it should be.
    await p.click("#daftar li.diag[data-kode='sintaks.tanggal'] button.perbaiki");
    await p.waitForFunction(() => !document.querySelector("#daftar li.diag[data-kode='sintaks.tanggal']"));
    assert.ok((await draft(p)).includes("pengumuman 2027-06-12"));
    // The percentage fixed from the mark's own tooltip in the editor.
    // Hover shows the mark's tooltip; a hover that lands while the marks are
    // being redrawn is tried again (the pointer first moved off the text).
    const action = p.locator(".cm-tooltip-lint .cm-diagnosticAction");
    for (let i = 0; i < 5 && !(await action.isVisible()); i++) {
      const mark = p.locator(".cm-lintRange", { hasText: "persen" }).first();
      await mark.scrollIntoViewIfNeeded();
      await p.mouse.move(0, 0);
      await mark.hover();
      await action.waitFor({ state: "visible", timeout: 3000 }).catch(() => {});
    }
    await action.click();
    await p.waitForFunction(() => window.juknis.text().includes("jalur domisili 50% {"));
    const kept = await draft(p);
    assert.ok(kept.includes("matemtika"));
    assert.equal(kept, complete.replace("mtk", "matemtika"));
    // Reload: the draft and its name are kept.
    await p.waitForFunction(() => /tersimpan/.test(document.getElementById("simpan").textContent));
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.siap === "1");
    assert.equal(await draft(p), kept);
    assert.equal(await p.inputValue("#nama-berkas"), "spmb-smp-kota-malang-2027.juknis");
    // Downloaded as .juknis under its own name, byte for byte.
    const [dl] = await Promise.all([p.waitForEvent("download"), p.click("#unduh-draf")]);
    assert.equal(dl.suggestedFilename(), "spmb-smp-kota-malang-2027.juknis");
    const f = path.join(out, dl.suggestedFilename());
    await dl.saveAs(f);
    assert.equal(fs.readFileSync(f, "utf8"), kept);
    // All offline: the page asked for nothing but itself.
    assert.deepEqual([...new Set(requests)], [fromFile]);
    assert.deepEqual(errs, []);
    await p.screenshot({ path: path.join(out, "formulir-selesai.png"), fullPage: true });
    await ctx5.close();
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
