// The page around the checker (web/src/lib.rs compiled to WebAssembly). Nothing
// is sent anywhere: the source is checked by the WebAssembly module in this tab.
"use strict";

const TEKS = {
  id: {
    judul: "Periksa draf juknis SPMB",
    privasi: "Pemeriksaan berjalan di peramban ini. Teks juknis tidak dikirim ke mana pun.",
    unggah: "Buka berkas .juknis", contoh: "Contoh", pilih_contoh: "— atau pilih contoh —",
    periksa: "Periksa", unduh: "Unduh rencana (JSON)", unduh_kepatuhan: "Unduh laporan kepatuhan",
    nama_draf: "Nama berkas", unduh_draf: "Unduh draf (.juknis)", penjelasan: "Penjelasan aturan",
    tersimpan: "✓ tersimpan di peramban ini", dipulihkan: "✓ draf dipulihkan dari peramban ini",
    ganti: "Draf yang sekarang belum diunduh dan akan diganti. Lanjutkan?", draf: "Draf", teks: "Teks juknis",
    hasil: "Hasil pemeriksaan", per_baris: "Masalah pada barisnya", kuota: "Kuota per jalur",
    kuota_ket: "Batang: kuota dalam juknis. Garis tegak: batas nasional untuk jenjang ini.",
    jadwal: "Jadwal tahap", acuan: "Diperiksa terhadap", kaki: "Hasil ini alat bantu, bukan pengesahan.",
    tingkat: { error: "Error", peringatan: "Peringatan", catatan: "Catatan" },
    sesuai: "✓ Sesuai: tidak ada masalah yang ditemukan.",
    ringkas: (e, w, c) => `${e} error, ${w} peringatan, ${c} catatan`,
    boleh: "Tanpa error: juknis ini boleh diajukan. Peringatan dan catatan tidak menggagalkan pemeriksaan, tetapi tinjau masing-masing sebelum ditetapkan.",
    belum_boleh: "Ada error: perbaiki dulu sebelum juknis diajukan.",
    baris: (b, k) => `baris ${b}, kolom ${k}`, dasar: "Dasar", berkas_utuh: "seluruh berkas",
    min: "minimal", maks: "maksimal", memenuhi: "memenuhi", melanggar: "melanggar",
    tanpa_kuota: "kuota belum ditulis", jumlah: "Jumlah kuota", tepat100: "tepat 100%", harus100: "harus tepat 100%", tanpa_jenjang: "Jenjang belum ditulis: batas nasional tidak dapat ditampilkan.",
    tahap: (n) => `Tahap ${n}`, jalur: "jalur", tanpa_tahap: "Belum ada tahap.", tanpa_masalah: "Tidak ada masalah pada baris mana pun.",
    tanpa_jalur: "Belum ada jalur.", belum: "Tempel atau buka draf juknis, lalu tekan Periksa.",
    tak_terbaca: "Struktur juknis belum terbaca; perbaiki error sintaks dulu.",
    tahapan: { pendaftaran: "Pendaftaran", verifikasi: "Verifikasi", seleksi: "Seleksi", pengumuman: "Pengumuman", daftar_ulang: "Daftar ulang" },
    gagal_muat: "Pemeriksa tidak dapat dimuat di peramban ini: ",
    bahasa: "English",
    formulir: "Formulir terpandu", templat: "Templat", pilih_templat: "— mulai dari templat —", rapikan: "Rapikan (fmt)",
    formulir_judul: "Formulir terpandu",
    formulir_ket: "Isi apa yang diputuskan Dinas. Jawaban yang dikosongkan ditulis sebagai isian [..] yang gagal diperiksa sampai diisi. Batas nasional tampil di samping setiap pertanyaan.",
    jenjang: "Jenjang", tahun: "Tahun penerimaan", tulis_draf: "Tulis draf", batal: "Batal", perbaiki: "Perbaiki",
    rapikan_gagal: "Belum dapat dirapikan: ", batas_nasional: "Batas nasional", bentuk: "bentuk",
    dirapikan: "✓ dirapikan",
    formulir_lebih: "Draf ini memuat hal yang tidak ditanyakan formulir. Menulis draf dari formulir menggantinya: yang tidak ada di formulir akan hilang.",
  },
  en: {
    judul: "Check a draft SPMB juknis",
    privasi: "The check runs in this browser. The juknis text is not sent anywhere.",
    unggah: "Open a .juknis file", contoh: "Example", pilih_contoh: "— or pick an example —",
    periksa: "Check", unduh: "Download plan (JSON)", unduh_kepatuhan: "Download conformance report",
    nama_draf: "File name", unduh_draf: "Download draft (.juknis)", penjelasan: "The rule",
    tersimpan: "✓ saved in this browser", dipulihkan: "✓ draft restored from this browser",
    ganti: "The current draft has not been downloaded and will be replaced. Continue?", draf: "Draft", teks: "Juknis text",
    hasil: "Check result", per_baris: "Problems on their lines", kuota: "Quota per jalur",
    kuota_ket: "Bar: the juknis's quota. Vertical line: the national bound for this jenjang.",
    jadwal: "Wave schedule", acuan: "Checked against", kaki: "This result is an aid, not an approval.",
    tingkat: { error: "Error", peringatan: "Warning", catatan: "Note" },
    sesuai: "✓ Conforms: no problems found.",
    ringkas: (e, w, c) => `${e} errors, ${w} warnings, ${c} notes`,
    boleh: "No error: this juknis may be submitted. Warnings and notes do not fail the check, but review each before it is signed.",
    belum_boleh: "There are errors: fix them before the juknis is submitted.",
    baris: (b, k) => `line ${b}, column ${k}`, dasar: "Basis", berkas_utuh: "whole file",
    min: "at least", maks: "at most", memenuhi: "meets it", melanggar: "violates it",
    tanpa_kuota: "no quota written", jumlah: "Sum of quotas", tepat100: "exactly 100%", harus100: "must be exactly 100%", tanpa_jenjang: "No jenjang written: the national bounds cannot be shown.",
    tahap: (n) => `Wave ${n}`, jalur: "jalur", tanpa_tahap: "No waves yet.", tanpa_masalah: "No problem on any line.",
    tanpa_jalur: "No jalur yet.", belum: "Paste or open a draft juknis, then press Check.",
    tak_terbaca: "The juknis structure could not be read; fix the syntax errors first.",
    tahapan: { pendaftaran: "Registration", verifikasi: "Verification", seleksi: "Selection", pengumuman: "Announcement", daftar_ulang: "Re-registration" },
    gagal_muat: "The checker cannot load in this browser: ",
    bahasa: "Bahasa Indonesia",
    formulir: "Guided form", templat: "Template", pilih_templat: "— start from a template —", rapikan: "Tidy (fmt)",
    formulir_judul: "Guided form",
    formulir_ket: "Fill in what the Dinas decides. Answers left empty are written as placeholders [..] that fail the check until filled. The national bound is shown beside each question.",
    jenjang: "Jenjang", tahun: "Admission year", tulis_draf: "Write the draft", batal: "Cancel", perbaiki: "Fix",
    rapikan_gagal: "Cannot tidy yet: ", batas_nasional: "National bound", bentuk: "form",
    dirapikan: "✓ tidied",
    formulir_lebih: "This draft holds more than the form asks. Writing the draft from the form replaces it: what the form does not hold will be lost.",
  },
};

const el = (id) => document.getElementById(id);
const state = { lang: "id", nama: "draf.juknis", hasil: null, wasm: null, berubah: false, ed: null, diganti: false };

/** The draft's text, from the editor. */
function text() {
  return state.ed.text();
}

/** Replace the draft's text (a file opened, an example, a template): not an
 * edit of the writer's, so it does not count as unsaved work. */
function setText(t) {
  state.diganti = true;
  state.ed.setText(t);
  state.diganti = false;
}

// The draft is kept in this browser's storage (never sent anywhere) so a reload
// or a closed tab loses nothing; `berubah` is true while there are edits not
// yet downloaded, and the page asks before anything replaces them.
const KUNCI_DRAF = "juknis.draf.v1";

function saveDraft() {
  try {
    localStorage.setItem(KUNCI_DRAF, JSON.stringify({ nama: state.nama, teks: text() }));
    el("simpan").textContent = TEKS[state.lang].tersimpan;
  } catch (_) {
    // Storage full or disabled: the draft still lives in the page.
  }
}

function restoreDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(KUNCI_DRAF) || "null");
    if (!d || typeof d.teks !== "string" || !d.teks.trim()) return false;
    setText(d.teks);
    setName(typeof d.nama === "string" && d.nama ? d.nama : "draf.juknis");
    state.berubah = true;
    el("simpan").textContent = TEKS[state.lang].dipulihkan;
    return true;
  } catch (_) {
    return false;
  }
}

/** The draft's file name, always ending in .juknis. */
function setName(n) {
  let nama = String(n || "").trim().replace(/[\\/:*?"<>|]/g, "_") || "draf.juknis";
  if (!/\.juknis$/i.test(nama)) nama += ".juknis";
  state.nama = nama;
  el("nama-berkas").value = nama;
}

/** Before replacing the text: ask when there are edits not downloaded. */
function mayReplace() {
  return !state.berubah || !text().trim() || window.confirm(TEKS[state.lang].ganti);
}

function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

async function loadWasm() {
  const inline = document.getElementById("juknis-wasm");
  let bytes;
  if (inline) {
    const bin = atob(inline.textContent.trim());
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  } else {
    bytes = await (await fetch("juknis.wasm")).arrayBuffer();
  }
  const { instance } = await WebAssembly.instantiate(bytes, {});
  return instance.exports;
}

function writeBytes(x, bytes) {
  const p = x.juknis_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, p, bytes.length).set(bytes);
  return p;
}

/** Call a checker export (juknis_check, juknis_kepatuhan, …) on a text (the draft's by default). */
function call(fn, input) {
  const x = state.wasm;
  const enc = new TextEncoder();
  const src = enc.encode(input === undefined ? text() : input);
  const nama = enc.encode(state.nama);
  const ps = writeBytes(x, src);
  const pn = writeBytes(x, nama);
  const r = x[fn](pn, nama.length, ps, src.length, state.lang === "en" ? 1 : 0);
  const out = new TextDecoder().decode(new Uint8Array(x.memory.buffer, r, x.juknis_hasil_len()));
  x.juknis_free(ps, src.length);
  x.juknis_free(pn, nama.length);
  return out;
}

/** Run the checker on the draft. */
function check() {
  if (!state.wasm) return;
  state.hasil = JSON.parse(call("juknis_check"));
  show();
  state.ed.setDiagnostics(state.hasil.laporan.berkas[0].diagnostik, TEKS[state.lang].perbaiki);
  const n = Number(document.documentElement.dataset.diperiksa || 0) + 1;
  document.documentElement.dataset.diperiksa = String(n);
}

function primaryLabel(d) {
  return d.label.find((l) => l.utama) || d.label[0] || null;
}

/** Select a line/column range in the editor (columns count characters). */
function selectInText(mulai, selesai) {
  state.ed.select(mulai, selesai);
}

/** Apply a diagnostic's sure fixes (`perbaikan`, as `juknis check --fix`). */
function applyFix(d) {
  state.ed.applyFixes(d.perbaikan);
}

function show() {
  const t = TEKS[state.lang];
  const lap = state.hasil.laporan;
  const berkas = lap.berkas[0];
  const diags = berkas.diagnostik;
  const r = lap.ringkasan;
  el("acuan").textContent = `${lap.acuan_nama} (${lap.acuan} ${lap.acuan_versi})`;
  const ring = el("ringkasan");
  if (diags.length === 0) {
    ring.textContent = t.sesuai;
    ring.dataset.status = "sesuai";
  } else {
    ring.textContent = `${t.ringkas(r.error, r.peringatan, r.catatan)}. ${r.error > 0 ? t.belum_boleh : t.boleh}`;
    ring.dataset.status = r.error > 0 ? "error" : "peringatan";
  }
  const daftar = el("daftar");
  daftar.replaceChildren(...diags.map((d, i) => {
    const u = primaryLabel(d);
    const lok = u
      ? h("button", { type: "button", class: "lokasi", onclick: () => selectInText(u.mulai, u.selesai) }, t.baris(u.mulai.baris, u.mulai.kolom))
      : h("span", { class: "lokasi" }, t.berkas_utuh);
    return h("li", {
      class: "diag", id: `diag-${i}`, "data-kode": d.kode, "data-tingkat": d.tingkat,
      "data-baris": u ? u.mulai.baris : "", "data-kolom": u ? u.mulai.kolom : "",
    },
    h("div", {}, h("span", { class: "tingkat" }, t.tingkat[d.tingkat] || d.tingkat), " · ", h("span", { class: "kode" }, d.kode), " · ", lok),
    h("p", { class: "pesan" }, d.pesan),
    d.bantuan ? h("p", { class: "bantuan" }, d.bantuan) : null,
    ...(d.catatan || []).map((c) => h("p", { class: "catatan" }, c)),
    d.dasar ? h("p", { class: "dasar" }, `${t.dasar}: ${d.dasar}`) : null,
    (d.perbaikan || []).length ? h("button", { type: "button", class: "tombol perbaiki", onclick: () => applyFix(d) }, t.perbaiki) : null,
    explain(d.kode));
  }));
  annotate(diags);
  kuota();
  jadwal();
  el("unduh").disabled = !state.hasil.rencana;
  el("unduh-kepatuhan").disabled = false;
}

const SIMBOL = { error: "✖", peringatan: "▲", catatan: "●" };

/** The rule behind a code, as `juknis explain` states it, folded under the diagnostic. */
function explain(kode) {
  const a = state.hasil.aturan && state.hasil.aturan[kode];
  if (!a) return null;
  return h("details", { class: "penjelasan" },
    h("summary", {}, `${TEKS[state.lang].penjelasan}: ${a.judul}`),
    h("p", {}, a.penjelasan));
}

/** The source with each diagnostic under the line it is about. */
function annotate(diags) {
  const t = TEKS[state.lang];
  const lines = text().split("\n");
  const per = new Map();
  for (const d of diags) {
    const u = primaryLabel(d);
    const b = u ? u.mulai.baris : 1;
    if (!per.has(b)) per.set(b, []);
    per.get(b).push({ d, u });
  }
  const rank = { error: 0, peringatan: 1, catatan: 2 };
  const frag = document.createDocumentFragment();
  if (diags.length === 0) {
    frag.append(h("p", { class: "kosong" }, t.tanpa_masalah));
    el("anotasi").replaceChildren(frag);
    return;
  }
  // Only the lines with a problem and two lines around them, as the terminal
  // output shows them; a gap is marked with ⋮.
  const tampil = new Set();
  for (const b of per.keys()) {
    for (let k = b - 2; k <= b + 2; k++) if (k >= 1 && k <= lines.length) tampil.add(k);
  }
  let sebelum = 0;
  lines.forEach((line, i) => {
    const no = i + 1;
    if (!tampil.has(no)) return;
    if (sebelum && no > sebelum + 1) frag.append(h("div", { class: "celah", "aria-hidden": "true" }, "⋮"));
    sebelum = no;
    const ds = per.get(no) || [];
    const worst = ds.map((x) => x.d.tingkat).sort((a, b) => rank[a] - rank[b])[0];
    let isi = [line];
    const one = ds.find((x) => x.u && x.u.selesai.baris === no && x.u.selesai.kolom > x.u.mulai.kolom);
    if (one) {
      const cs = Array.from(line);
      const a = one.u.mulai.kolom - 1, b = one.u.selesai.kolom - 1;
      isi = [cs.slice(0, a).join(""), h("mark", {}, cs.slice(a, b).join("")), cs.slice(b).join("")];
    }
    frag.append(h("div", { class: "b", "data-tingkat": worst, "data-baris": no },
      h("span", { class: "tanda", "aria-hidden": worst ? null : "true" }, worst ? SIMBOL[worst] : ""),
      h("span", { class: "no" }, no), h("span", { class: "isi" }, ...isi)));
    for (const { d } of ds) {
      frag.append(h("div", { class: "pesan-baris", "data-tingkat": d.tingkat },
        `${SIMBOL[d.tingkat]} ${(t.tingkat[d.tingkat] || "").toUpperCase()} [${d.kode}] ${d.pesan}` +
        (d.bantuan ? `\n→ ${d.bantuan}` : "") + (d.dasar ? `\n${t.dasar}: ${d.dasar}` : "")));
    }
  });
  el("anotasi").replaceChildren(frag);
}

function fmtPersen(p) {
  return `${Number.isInteger(p) ? p : p.toFixed(2).replace(/0+$/, "")}%`;
}

/** One bar per jalur against the national bound. */
function kuota() {
  const t = TEKS[state.lang];
  const box = el("kuota");
  const tj = state.hasil.tinjauan;
  if (!tj) { box.replaceChildren(h("p", {}, t.tak_terbaca)); return; }
  if (tj.jalur.length === 0) { box.replaceChildren(h("p", {}, t.tanpa_jalur)); return; }
  const items = [];
  if (!tj.jenjang) items.push(h("p", { class: "ket" }, t.tanpa_jenjang));
  for (const j of tj.jalur) {
    const p = j.persen;
    const b = j.batas;
    let ok = null;
    if (b && p !== null) ok = b.jenis === "min" ? p >= b.persen : p <= b.persen;
    const teksBatas = b ? `${t[b.jenis]} ${fmtPersen(b.persen)}${b.pasal ? ` (${b.pasal})` : ""}` : "";
    const status = ok === null ? null : h("span", { class: ok ? "status-ok" : "status-tidak" }, ok ? t.memenuhi : t.melanggar);
    const lebar = Math.max(0, Math.min(100, p || 0));
    items.push(h("div", { class: "bar", "data-jalur": j.id, "data-ok": ok === null ? null : ok ? "ya" : "tidak" },
      h("div", { class: "label" },
        h("strong", {}, `${j.nama}: ${p === null ? t.tanpa_kuota : fmtPersen(p)}`),
        h("span", {}, teksBatas, teksBatas && status ? " — " : "", status)),
      h("div", { class: "jalan", role: "img", "aria-label": `${j.nama} ${p === null ? t.tanpa_kuota : fmtPersen(p)}${teksBatas ? "; " + teksBatas : ""}` },
        h("div", { class: "isi", style: `width:${lebar}%` }),
        b ? h("div", { class: "batas", style: `left:${Math.min(100, b.persen)}%` }) : null),
      j.sub.length ? h("div", { class: "sub" }, j.sub.map((s) => `${s.nama} ${s.persen === null ? "—" : fmtPersen(s.persen)}`).join(" · ")) : null));
  }
  if (tj.jumlah !== null) {
    const ok = Math.abs(tj.jumlah - 100) < 1e-9;
    items.push(h("p", { id: "jumlah-kuota" }, h("strong", {}, `${t.jumlah}: ${fmtPersen(tj.jumlah)} `), h("span", { class: ok ? "status-ok" : "status-tidak" }, ok ? t.tepat100 : t.harus100)));
  }
  box.replaceChildren(...items);
}

function hari(s) {
  return Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86400000;
}

/** A timeline of the waves: each stage's dates and where they fall overall. */
function jadwal() {
  const t = TEKS[state.lang];
  const box = el("jadwal");
  const tj = state.hasil.tinjauan;
  if (!tj) { box.replaceChildren(h("p", {}, t.tak_terbaca)); return; }
  if (tj.tahap.length === 0) { box.replaceChildren(h("p", {}, t.tanpa_tahap)); return; }
  const semua = tj.tahap.flatMap((x) => x.jadwal).flatMap((d) => [hari(d.mulai), hari(d.selesai)]).filter((v) => !Number.isNaN(v));
  const awal = Math.min(...semua), akhir = Math.max(...semua);
  const rentang = Math.max(1, akhir - awal + 1);
  box.replaceChildren(h("ol", { class: "garis-waktu" }, tj.tahap.map((x) =>
    h("li", { "data-tahap": x.nomor },
      h("h3", {}, `${t.tahap(x.nomor)} — ${t.jalur} ${x.jalur.join(", ")}`),
      h("table", {}, h("tbody", {}, x.jadwal.map((d) => {
        const a = hari(d.mulai), b = hari(d.selesai);
        const kiri = ((a - awal) / rentang) * 100, lebar = ((b - a + 1) / rentang) * 100;
        return h("tr", {},
          h("th", { scope: "row" }, t.tahapan[d.tahapan] || d.tahapan),
          h("td", {}, d.mulai === d.selesai ? d.mulai : `${d.mulai} – ${d.selesai}`),
          h("td", { class: "pita-sel" }, h("div", { class: "pita", "aria-hidden": "true" }, h("span", { style: `left:${kiri}%;width:${lebar}%` }))));
      })))))));
}

function translate() {
  const t = TEKS[state.lang];
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll("[data-t]")) {
    const v = t[e.dataset.t];
    if (typeof v === "string") e.textContent = v;
  }
  el("bahasa").textContent = t.bahasa;
}

function save(text, type, name) {
  const blob = new Blob([text], { type });
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/** The draft in the canonical layout (`juknis fmt`); a file that cannot be
 * read yet is left as it is, with the reason. */
function tidy() {
  if (!state.wasm) return;
  const r = JSON.parse(call("juknis_fmt"));
  if (r.galat !== undefined) {
    el("simpan").textContent = TEKS[state.lang].rapikan_gagal + r.galat;
    return;
  }
  if (r.teks !== text()) state.ed.replaceAll(r.teks);
  el("simpan").textContent = TEKS[state.lang].dirapikan;
}

function downloadDraft() {
  setName(el("nama-berkas").value);
  save(text(), "text/plain", state.nama);
  state.berubah = false;
  saveDraft();
}

function download() {
  if (!state.hasil || !state.hasil.rencana) return;
  save(state.hasil.rencana, "application/json", state.nama.replace(/\.juknis$/i, "") + ".plan.json");
}

/** The conformance report of the draft, as the printable page the CLI writes. */
function downloadReport() {
  if (!state.wasm) return;
  save(call("juknis_kepatuhan"), "text/html", state.nama.replace(/\.juknis$/i, "") + ".kepatuhan.html");
}

function loadExample() {
  const data = document.getElementById("contoh-data");
  if (!data) return [];
  const list = JSON.parse(data.textContent);
  const sel = el("contoh");
  const grup = new Map();
  for (const [i, c] of list.entries()) {
    if (!grup.has(c.kelompok)) {
      const g = h("optgroup", { label: c.kelompok });
      grup.set(c.kelompok, g);
      sel.append(g);
    }
    grup.get(c.kelompok).append(h("option", { value: String(i) }, c.nama));
  }
  return list;
}

async function start() {
  translate();
  const contoh = loadExample();
  let tunda = null;
  let tundaSimpan = null;
  const kata = JSON.parse((document.getElementById("kata-data") || { textContent: "[]" }).textContent);
  // The editor (CodeMirror, web/editor/): Tab indents, marks and fixes come
  // from the checker; every change is checked and saved after a short pause.
  state.ed = window.JuknisEditor.create(el("editor"), {
    keywords: kata,
    label: TEKS[state.lang].teks,
    onChange() {
      if (!state.diganti) {
        state.berubah = true;
        el("simpan").textContent = "";
      }
      clearTimeout(tunda);
      tunda = setTimeout(check, 300);
      clearTimeout(tundaSimpan);
      tundaSimpan = setTimeout(saveDraft, 400);
    },
  });
  formulir.start();
  // For automation (the end-to-end test, a screen reader's scripts): read the
  // draft and find text in it, as a search would.
  window.juknis = { text, find: (s, after) => state.ed.find(s, after), lineOf: (n) => state.ed.lineOf(n) };
  el("rapikan").addEventListener("click", tidy);
  el("templat").addEventListener("change", (ev) => {
    const j = ev.target.value;
    ev.target.value = "";
    if (j) formulir.template(j);
  });
  el("nama-berkas").addEventListener("change", () => {
    setName(el("nama-berkas").value);
    saveDraft();
  });
  el("unduh-draf").addEventListener("click", downloadDraft);
  window.addEventListener("beforeunload", (ev) => {
    if (state.berubah && text().trim()) {
      saveDraft();
      ev.preventDefault();
      ev.returnValue = "";
    }
  });
  el("periksa").addEventListener("click", check);
  el("unduh").addEventListener("click", download);
  el("unduh-kepatuhan").addEventListener("click", downloadReport);
  el("bahasa").addEventListener("click", () => {
    state.lang = state.lang === "id" ? "en" : "id";
    translate();
    if (state.hasil) check();
  });
  el("berkas").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    if (!mayReplace()) {
      ev.target.value = "";
      return;
    }
    setText(await f.text());
    setName(f.name);
    state.berubah = false;
    ev.target.value = "";
    saveDraft();
    check();
  });
  el("contoh").addEventListener("change", (ev) => {
    const c = contoh[Number(ev.target.value)];
    ev.target.value = "";
    if (!c || !mayReplace()) return;
    setText(c.teks);
    setName(c.nama);
    state.berubah = false;
    saveDraft();
    check();
  });
  el("ringkasan").textContent = TEKS[state.lang].belum;
  restoreDraft();
  try {
    state.wasm = await loadWasm();
    document.documentElement.dataset.siap = "1";
    if (text().trim()) check();
  } catch (e) {
    el("ringkasan").textContent = TEKS[state.lang].gagal_muat + e;
    el("ringkasan").dataset.status = "error";
  }
}

start();
