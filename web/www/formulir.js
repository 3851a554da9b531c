// The guided form (issue 17): asks what the Dinas decides, shows the national
// bound beside each answer, and writes the juknis text with the checker's own
// template (src/template/, as `juknis init --tanya`). Answers left empty stay
// placeholders that fail the check until filled; the text stays the source of
// truth, and the form reopens on a draft it wrote by reading the answers back.
"use strict";

const formulir = {
  /** The next admission year: after July, next year's. */
  nextYear() {
    const d = new Date();
    return d.getFullYear() + (d.getMonth() >= 6 ? 1 : 0);
  },

  questions(jenjang, tahun) {
    const r = JSON.parse(call("juknis_pertanyaan", `${jenjang} ${tahun}`));
    return Array.isArray(r) ? r : [];
  },

  start() {
    el("buka-formulir").addEventListener("click", () => formulir.open());
    for (const id of ["f-jenjang", "f-tahun"]) {
      el(id).addEventListener("change", () => formulir.load(formulir.collect()));
    }
    el("tulis-draf").addEventListener("click", () => formulir.write());
    el("tutup-formulir").addEventListener("click", () => el("formulir").close());
  },

  /** Open the form: on the draft's own answers when the draft has a jenjang
   * and a year (a draft the form wrote, or any juknis), else empty. */
  open() {
    if (!state.wasm) return;
    let found = null;
    if (text().trim()) {
      const r = JSON.parse(call("juknis_jawaban"));
      if (r.galat === undefined) found = r;
    }
    el("f-jenjang").value = found ? found.jenjang : (el("f-jenjang").value || "SMP");
    el("f-tahun").value = found ? found.tahun : (el("f-tahun").value || formulir.nextYear());
    el("formulir-galat").textContent = "";
    // A draft with more than the form asks (a third wave, another jalur, a
    // syarat written by hand): writing from the form would drop it — say so.
    let lebih = false;
    if (found) {
      const r = JSON.parse(call("juknis_templat", JSON.stringify(found)));
      lebih = r.galat !== undefined || r.teks !== text();
    } else {
      lebih = text().trim() !== "";
    }
    el("formulir-lebih").hidden = !lebih;
    formulir.load(found ? found.jawaban : {});
    el("formulir").showModal();
  },

  /** Draw the questions of the chosen jenjang, filled with `jawaban`. */
  load(jawaban) {
    const t = TEKS[state.lang];
    const lang = state.lang;
    const qs = formulir.questions(el("f-jenjang").value, Number(el("f-tahun").value) || formulir.nextYear());
    const parts = [];
    let fs = null;
    let bagian = null;
    for (const q of qs) {
      if (q.bagian[lang] !== bagian) {
        bagian = q.bagian[lang];
        fs = h("fieldset", { class: "bagian-form" }, h("legend", {}, bagian));
        parts.push(fs);
      }
      const id = `q-${q.kunci.replace(/\./g, "-")}`;
      const list = q.pilihan.length ? `${id}-pilihan` : null;
      fs.append(h("div", { class: "soal", "data-kunci": q.kunci },
        h("label", { for: id }, q.judul[lang]),
        h("input", {
          id, "data-kunci": q.kunci, value: jawaban[q.kunci] || "", placeholder: `${t.bentuk}: ${q.contoh}`,
          list, autocomplete: "off", spellcheck: "false",
        }),
        list ? h("datalist", { id: list }, q.pilihan.map((p) => h("option", { value: p }))) : null,
        q.batas ? h("p", { class: "batas-nasional" }, `${t.batas_nasional}: ${q.batas[lang]}`) : null));
    }
    el("pertanyaan").replaceChildren(...parts);
  },

  /** The answers given (empty ones left out: they stay placeholders). */
  collect() {
    const out = {};
    for (const i of document.querySelectorAll("#pertanyaan input[data-kunci]")) {
      if (i.value.trim()) out[i.dataset.kunci] = i.value.trim();
    }
    return out;
  },

  /** Write the draft from the answers (asking before replacing unsaved work). */
  write() {
    const jenjang = el("f-jenjang").value;
    const tahun = Number(el("f-tahun").value) || formulir.nextYear();
    const jawaban = formulir.collect();
    const r = JSON.parse(call("juknis_templat", JSON.stringify({ jenjang, tahun, jawaban })));
    if (r.galat !== undefined) {
      el("formulir-galat").textContent = r.galat;
      return;
    }
    if (!mayReplace()) return;
    el("formulir").close();
    // An edit of the writer's (undoable, counted as unsaved until downloaded).
    state.ed.replaceAll(r.teks);
    if (state.nama === "draf.juknis" || /^spmb-/.test(state.nama)) {
      const p = (jawaban.pemerintah || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      setName(`spmb-${jenjang.toLowerCase()}-${p ? p + "-" : ""}${tahun}.juknis`);
    }
    saveDraft();
    check();
  },

  /** A starting file like `juknis init --jenjang J`: numbers at the national
   * bounds, names and channels still placeholders. */
  template(jenjang) {
    if (!state.wasm) return;
    const tahun = formulir.nextYear();
    const jawaban = {};
    for (const q of formulir.questions(jenjang, tahun)) if (q.bawaan) jawaban[q.kunci] = q.bawaan;
    const r = JSON.parse(call("juknis_templat", JSON.stringify({ jenjang, tahun, jawaban })));
    if (r.galat !== undefined || !mayReplace()) return;
    setText(r.teks);
    setName(`spmb-${jenjang.toLowerCase()}-${tahun}.juknis`);
    state.berubah = false;
    saveDraft();
    check();
  },
};
