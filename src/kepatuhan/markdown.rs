//! The conformance report as Markdown: the same content as the HTML page, for
//! a repository, a review thread or a document converter.

use super::{Butir, Kepatuhan, Status};
use crate::diagnostic::Lang;

/// Words of the report in its language.
pub(super) struct Kata {
    pub lang: Lang,
}

impl Kata {
    pub fn w<'a>(&self, id: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(id, en)
    }
    pub fn status(&self, s: Status) -> &'static str {
        match (s, self.lang) {
            (Status::Terpenuhi, Lang::Id) => "terpenuhi",
            (Status::Terpenuhi, Lang::En) => "met",
            (Status::Dilanggar, Lang::Id) => "dilanggar",
            (Status::Dilanggar, Lang::En) => "broken",
            (Status::Catatan, Lang::Id) => "catatan",
            (Status::Catatan, Lang::En) => "note",
            (Status::TidakDinilai, Lang::Id) => "tidak dapat dinilai dari teks",
            (Status::TidakDinilai, Lang::En) => "cannot be judged from the text",
            (Status::Diabaikan, Lang::Id) => "diabaikan dengan alasan",
            (Status::Diabaikan, Lang::En) => "set aside with a reason",
        }
    }
    pub fn tingkat<'a>(&self, t: &'a str) -> &'a str {
        match (t, self.lang) {
            ("peringatan", Lang::En) => "warning",
            ("catatan", Lang::En) => "note",
            _ => t,
        }
    }
    pub fn of(k: &Kepatuhan) -> Kata {
        Kata {
            lang: if k.bahasa == "en" { Lang::En } else { Lang::Id },
        }
    }
    /// "Result: CONFORMS — 50 met, …".
    pub fn verdict(&self, k: &Kepatuhan) -> (String, String) {
        let r = &k.ringkasan;
        let head = if k.sesuai {
            self.w("SESUAI", "CONFORMS")
        } else {
            self.w("TIDAK SESUAI", "DOES NOT CONFORM")
        };
        let body = match self.lang {
            Lang::Id => format!(
                "{} aturan terpenuhi, {} dilanggar, {} catatan, {} tidak dapat dinilai dari teks, {} diabaikan dengan alasan ({} error, {} peringatan)",
                r.terpenuhi, r.dilanggar, r.catatan, r.tidak_dinilai, r.diabaikan, r.error, r.peringatan
            ),
            Lang::En => format!(
                "{} rules met, {} broken, {} notes, {} cannot be judged from the text, {} set aside with a reason ({} errors, {} warnings)",
                r.terpenuhi, r.dilanggar, r.catatan, r.tidak_dinilai, r.diabaikan, r.error, r.peringatan
            ),
        };
        (head.to_string(), body)
    }
    /// The header rows: label and value.
    pub fn header(&self, k: &Kepatuhan) -> Vec<(String, String)> {
        let mut rows = vec![(
            self.w("Berkas", "File").to_string(),
            format!("{} (SHA-256 {})", k.berkas, k.sha256),
        )];
        let mut opt = |label: &str, v: &Option<String>| {
            if let Some(v) = v {
                rows.push((label.to_string(), v.clone()));
            }
        };
        opt(self.w("Pemerintah", "Government"), &k.pemerintah);
        opt(self.w("Tahun ajaran", "School year"), &k.tahun_ajaran);
        opt(self.w("Ditetapkan", "Signed"), &k.ditetapkan);
        let jj: Vec<&str> = k
            .bagian
            .iter()
            .filter_map(|b| b.jenjang.as_deref())
            .collect();
        if !jj.is_empty() {
            rows.push((self.w("Jenjang", "Level").into(), jj.join(", ")));
        }
        let a = &k.acuan;
        rows.push((
            self.w("Aturan acuan", "Rulebook").into(),
            match self.lang {
                Lang::Id => format!(
                    "{} ({}, data versi {}): berlaku sejak {}, perubahan dimuat sampai {}",
                    a.nama, a.id, a.versi, a.dari, a.ditinjau_sampai
                ),
                Lang::En => format!(
                    "{} ({}, data version {}): from {}, changes encoded up to {}",
                    a.nama, a.id, a.versi, a.dari, a.ditinjau_sampai
                ),
            },
        ));
        rows.push((
            self.w("Dibuat dengan", "Made with").into(),
            format!("{} {}", k.alat.nama, k.alat.versi),
        ));
        rows
    }
    /// "line 12: " before a quoted finding, or nothing.
    pub fn at(&self, baris: Option<&super::Baris>) -> String {
        baris
            .map(|x| format!("{} {}: ", self.w("baris", "line"), x.baris))
            .unwrap_or_default()
    }
    /// What the statuses mean, for the reader of a printed report.
    pub fn legend(&self) -> &'static str {
        match self.lang {
            Lang::Id => "Setiap aturan acuan yang berlaku untuk jenjang dan tahun ajaran juknis ini, dikelompokkan menurut pasal dasarnya. Terpenuhi: diperiksa otomatis dan tidak ada baris yang melanggarnya (baris yang dikutip adalah pernyataan juknis yang memuat aturan itu). Dilanggar: pemeriksa melaporkan error atau peringatan. Catatan: untuk dibaca pemeriksa, bukan pelanggaran. Tidak dapat dinilai dari teks: harus diverifikasi di luar juknis. Diabaikan dengan alasan: pemeriksa menemukan pelanggaran yang dikesampingkan juknis dengan komentar `juknis:abaikan` beralasan, untuk ditimbang peninjau. Keyakinan sumber: P peraturan atau FAQ kementerian, Q sumber sekunder yang mengutip pasal, S sumber sekunder tanpa pasal, R praktik daerah.",
            Lang::En => "Every rule of the rulebook that applies to this juknis's jenjang and school year, grouped by the article it rests on. Met: checked automatically and no line breaks it (the lines quoted are the juknis statements that carry the rule). Broken: the checker reports an error or a warning. Note: for the reviewer to read, not a breach. Cannot be judged from the text: must be verified outside the juknis. Set aside with a reason: the checker found a breach the juknis sets aside with a reasoned `juknis:abaikan` comment, for the reviewer to weigh. Source confidence: P regulation or the ministry's FAQ, Q secondary source quoting the article, S secondary source without an article, R regional practice.",
        }
    }
}

fn code(s: &str) -> String {
    // A backtick inside inline code would end it: use a longer fence.
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

fn rule(s: &mut String, b: &Butir, k: &Kata) {
    s.push_str(&format!(
        "- **{}** {} — {}: {}\n",
        k.status(b.status),
        code(&b.kode),
        k.w("diperiksa", "checked for"),
        b.judul
    ));
    for t in &b.temuan {
        let at = k.at(t.baris.as_ref());
        s.push_str(&format!("  - {}{}: {}", at, k.tingkat(&t.tingkat), t.pesan));
        if let Some(h) = &t.bantuan {
            s.push_str(&format!(" — {h}"));
        }
        s.push('\n');
    }
    if b.temuan.is_empty() {
        for x in &b.baris {
            s.push_str(&format!(
                "  - {} {}: {}\n",
                k.w("baris", "line"),
                x.baris,
                code(&x.teks)
            ));
        }
        if b.baris_lain > 0 {
            s.push_str(&format!(
                "  - {} {}\n",
                b.baris_lain,
                k.w("baris lain", "more lines")
            ));
        }
    }
    if let Some(x) = &b.keterangan {
        s.push_str(&format!("  - {x}\n"));
    }
    for a in &b.alasan_diabaikan {
        s.push_str(&format!(
            "  - {}: \"{a}\"\n",
            k.w("alasan diabaikan", "reason set aside")
        ));
    }
    if let Some(v) = &b.verifikasi {
        s.push_str(&format!("  - {}: {v}\n", k.w("verifikasi", "verify")));
    }
    let conf = b
        .keyakinan
        .as_deref()
        .map(|c| format!("; {} {c}", k.w("keyakinan", "confidence")))
        .unwrap_or_default();
    let years = b
        .tahun
        .as_deref()
        .map(|t| format!("; {}: {t}", k.w("tahun ajaran", "school years")))
        .unwrap_or_default();
    s.push_str(&format!(
        "  - {}: {}{conf}{years}\n",
        k.w("dasar", "basis"),
        b.dasar
    ));
}

pub fn render(kp: &Kepatuhan) -> String {
    let k = Kata::of(kp);
    let mut s = format!(
        "# {} — {}\n\n",
        k.w("Laporan kepatuhan juknis", "Juknis conformance report"),
        kp.judul
    );
    s += "| | |\n|---|---|\n";
    for (a, b) in k.header(kp) {
        s += &format!("| {} | {} |\n", a, b.replace('|', "\\|"));
    }
    let (head, body) = k.verdict(kp);
    s += &format!("\n**{}: {head}** — {body}.\n\n", k.w("Hasil", "Result"));
    s += &format!("{}\n", k.legend());
    if !kp.bahasa_juknis.is_empty() {
        s += &format!("\n## {}\n\n", k.w("Bahasa juknis", "The juknis language"));
        for t in &kp.bahasa_juknis {
            let at = t
                .baris
                .as_ref()
                .map(|x| format!("{} {}: ", k.w("baris", "line"), x.baris))
                .unwrap_or_default();
            s += &format!(
                "- {at}{} {}: {}\n",
                k.tingkat(&t.tingkat),
                code(&t.kode),
                t.pesan
            );
        }
    }
    let several = kp.bagian.len() > 1;
    for b in &kp.bagian {
        if several {
            s += &format!(
                "\n## {} {}\n",
                k.w("Bagian", "Section"),
                b.jenjang.as_deref().unwrap_or("?")
            );
        }
        for g in &b.kelompok {
            s += &format!("\n{} {}\n\n", if several { "###" } else { "##" }, g.pasal);
            for r in &g.aturan {
                rule(&mut s, r, &k);
            }
        }
    }
    s
}
