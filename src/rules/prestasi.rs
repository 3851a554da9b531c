//! Scores and points: leadership only for ketua of OSIS or pramuka, points rising
//! with the competition level, no accreditation weighting, five rapor semesters,
//! free tests, no automatic admission; and SD's bans on tests and TK priority.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{JenisBaris, Jenjang, KriteriaJenis, Persen, Sumber, Syarat, TINGKAT_LOMBA};
use crate::span::Span;
use crate::t;

fn tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split(['_', '.'])
}

/// A name that speaks of TK or PAUD (graduates of which SD must not favour).
pub fn kata_tk(name: &str) -> bool {
    tokens(name).any(|t| t == "tk" || t == "paud")
}

/// A name that speaks of a test in any form: SD admits none (Pasal 11(5)) —
/// written tests, interviews, reading, writing or arithmetic, assessments.
pub fn kata_tes(name: &str) -> bool {
    tokens(name).any(|t| {
        matches!(
            t,
            "tes"
                | "test"
                | "ujian"
                | "wawancara"
                | "interview"
                | "observasi"
                | "psikotes"
                | "asesmen"
                | "calistung"
                | "membaca"
                | "menulis"
                | "berhitung"
                | "baca"
                | "tulis"
                | "hitung"
                | "bacatulis"
        )
    }) || name.contains("calistung")
}

pub fn check(c: &mut Ctx) {
    kepemimpinan(c);
    bobot_tingkat(c);
    akreditasi(c);
    check_rapor_and_bobot(c);
    tes(c);
    otomatis(c);
    if c.jenjang() == Some(Jenjang::SD) {
        sd(c);
    }
}

fn kepemimpinan(c: &mut Ctx) {
    for t in &c.j.poin {
        for b in t
            .baris
            .iter()
            .filter(|b| b.node.jenis == JenisBaris::Organisasi)
        {
            let org = &b.node.kategori.node;
            for (role, _) in b.node.nilai.iter().filter(|(r, _)| r.node != "ketua") {
                let r = &role.node;
                c.push(
                    Diagnostic::new(
                        "prestasi.kepemimpinan",
                        t!(
                            "poin kepemimpinan hanya untuk ketua, bukan `{r}` {org}",
                            "leadership points are only for the chair, not `{r}` of {org}"
                        ),
                    )
                    .at(role.span, Some(t!("bukan ketua", "not the chair")))
                    .help(t!(
                        "hapus `{r}`; hanya `ketua` OSIS atau organisasi kepanduan yang dinilai",
                        "remove `{r}`; only the `ketua` of OSIS or the scouts counts"
                    )),
                );
            }
        }
    }
}

fn bobot_tingkat(c: &mut Ctx) {
    for t in &c.j.poin {
        let rows: Vec<(u8, &crate::model::BarisPoin)> = t
            .baris
            .iter()
            .filter_map(|b| match b.node.jenis {
                JenisBaris::Tingkat(i) => Some((i, &b.node)),
                JenisBaris::Organisasi => None,
            })
            .collect();
        for (hi_level, hi_row) in &rows {
            for (rank, value) in &hi_row.nilai {
                let lower = rows
                    .iter()
                    .filter(|(l, _)| l < hi_level)
                    .flat_map(|(l, r)| {
                        r.nilai
                            .iter()
                            .filter(|(k, _)| k.node == rank.node)
                            .map(move |(_, v)| (*l, v))
                    })
                    .find(|(_, v)| v.node > value.node);
                if let Some((lo_level, lo_value)) = lower {
                    let (hi_n, lo_n) = (
                        TINGKAT_LOMBA[*hi_level as usize],
                        TINGKAT_LOMBA[lo_level as usize],
                    );
                    let (r, hv, lv) = (&rank.node, value.node, lo_value.node);
                    c.push(
                        Diagnostic::new("prestasi.bobot", t!("{r} tingkat {hi_n} ({hv} poin) lebih kecil daripada tingkat {lo_n} ({lv} poin)", "{r} at {hi_n} level ({hv} points) earns less than at {lo_n} level ({lv} points)"))
                            .at(value.span, None)
                            .also(lo_value.span, t!("tingkat {lo_n}", "{lo_n} level"))
                            .help(t!("FAQ 44 membobot prestasi menurut tingkat kabupaten/kota, provinsi, nasional, internasional; periksa apakah urutan poin ini disengaja", "FAQ 44 weights achievements by level kabupaten/kota, provinsi, nasional, internasional; check whether this order of points is intended")),
                    );
                }
            }
        }
    }
}

fn akreditasi(c: &mut Ctx) {
    let mut hits: Vec<(Span, String)> = Vec::new();
    for s in &c.j.skor {
        for su in &s.suku {
            let name = match &su.node.sumber.node {
                Sumber::Masukan { nama } | Sumber::Tes { nama } => nama,
                Sumber::Poin { tabel } => tabel,
                Sumber::Rapor { .. } => continue,
            };
            if name.contains("akreditasi") {
                hits.push((su.span, name.clone()));
            }
        }
    }
    for t in &c.j.poin {
        if t.nama.node.contains("akreditasi") {
            hits.push((t.nama.span, t.nama.node.clone()));
        }
    }
    for leaf in &c.j.jalur {
        for s in leaf
            .syarat
            .iter()
            .chain(leaf.sub.iter().flat_map(|x| x.syarat.iter()))
        {
            if let Syarat::Lain(n) | Syarat::Status(n) = &s.node {
                if n.contains("akreditasi") {
                    hits.push((s.span, n.clone()));
                }
            }
        }
    }
    for (span, name) in hits {
        c.push(
            Diagnostic::new(
                "prestasi.tanpa_akreditasi",
                t!(
                    "pembobotan tidak boleh berdasarkan akreditasi sekolah: `{name}`",
                    "weighting must not use school accreditation: `{name}`"
                ),
            )
            .at(span, None)
            .help(t!(
                "hapus suku akreditasi dan bagikan bobotnya ke rapor atau indeks sekolah",
                "remove the accreditation term and give its weight to rapor or the school index"
            )),
        );
    }
}

/// "IV semester 1" for an SD semester number (1–12), as the SMP juknis
/// reads the SD rapor ("kelas" or "grade" goes in front).
fn kelas_sd(n: u32) -> String {
    const ROMAWI: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];
    let k = ROMAWI
        .get(((n.max(1) - 1) / 2) as usize)
        .copied()
        .unwrap_or("?");
    format!("{k} semester {}", (n.max(1) - 1) % 2 + 1)
}

fn check_rapor_and_bobot(c: &mut Ctx) {
    // The last five semesters of the previous level: SMP semesters 1–5 (or 2–6)
    // for SMA/SMK; SD semesters 7–11 (or 8–12), kelas IV to VI, for SMP.
    let smp = c.jenjang() == Some(Jenjang::SMP);
    let ok: [(u32, u32); 2] = if smp {
        [(7, 11), (8, 12)]
    } else {
        [(1, 5), (2, 6)]
    };
    for s in &c.j.skor {
        for su in &s.suku {
            if let Sumber::Rapor { dari, sampai, .. } = su.node.sumber.node {
                if ok.contains(&(dari, sampai)) {
                    continue;
                }
                let d = if smp {
                    let (a, b) = (kelas_sd(dari), kelas_sd(sampai));
                    Diagnostic::new("prestasi.rapor", t!(
                        "rapor SMP dinilai dari 5 semester terakhir SD (kelas IV semester 1 sampai kelas VI semester 1), bukan kelas {a} sampai kelas {b}",
                        "an SMP juknis counts the last 5 SD semesters (grade IV semester 1 to grade VI semester 1), not grade {a} to grade {b}"
                    ))
                    .help(t!(
                        "tulis `rapor(kelas 4 semester 1 sampai kelas 6 semester 1, …)` (= `semester 7..11`), atau `kelas 4 semester 2 sampai kelas 6 semester 2` bila rapor kelas VI semester 2 sudah terbit",
                        "write `rapor(kelas 4 semester 1 sampai kelas 6 semester 1, …)` (= `semester 7..11`), or `kelas 4 semester 2 sampai kelas 6 semester 2` once the grade VI semester 2 rapor is out"
                    ))
                } else {
                    Diagnostic::new("prestasi.rapor", t!("rapor dinilai dari 5 semester terakhir SMP, bukan semester {dari}..{sampai}", "the rapor counts the last 5 SMP semesters, not semesters {dari}..{sampai}"))
                        .help(t!("tulis `semester 1..5` (atau `semester 2..6` bila rapor semester 6 sudah terbit)", "write `semester 1..5` (or `semester 2..6` once semester 6 is out)"))
                };
                c.push(d.at(su.node.sumber.span, None));
            }
        }
        // A plain sum (`rapor(…) + poin(lomba)`) has no weights to add up.
        let sum: Persen = s.suku.iter().map(|x| x.node.bobot.node).sum();
        if !s.jumlah && !s.suku.is_empty() && sum != Persen::HUNDRED {
            let n = &s.nama.node;
            c.push(
                Diagnostic::new(
                    "konsistensi.bobot",
                    t!(
                        "bobot skor `{n}` berjumlah {sum}%, harus 100%",
                        "the weights of score `{n}` add up to {sum}%, not 100%"
                    ),
                )
                .at(s.span, None)
                .help(t!(
                    "ubah bobot sampai jumlahnya 100%",
                    "change the weights so they add up to 100%"
                )),
            );
        }
    }
}

fn tes(c: &mut Ctx) {
    for b in &c.j.biaya {
        let is_tes = b
            .node
            .untuk
            .as_deref()
            .is_some_and(|u| tokens(u).any(|t| t == "tes" || t == "ujian" || t == "asesmen"));
        if is_tes && b.node.rupiah > 0 {
            c.push(
                Diagnostic::new(
                    "prestasi.tes",
                    t!(
                        "tes terstandar tidak boleh dipungut biaya",
                        "a standardised test must be free of charge"
                    ),
                )
                .at(b.span, None)
                .help(t!("tulis `biaya gratis`", "write `biaya gratis`")),
            );
        }
    }
}

fn otomatis(c: &mut Ctx) {
    for jl in c.j.jalur.iter().filter(|j| j.induk() == "prestasi") {
        for x in std::iter::once(jl).chain(jl.sub.iter()) {
            if let Some(s) = x.langsung_diterima {
                c.push(
                    Diagnostic::new(
                        "prestasi.tidak_otomatis",
                        t!(
                            "tidak ada prestasi yang menjamin diterima",
                            "no achievement guarantees admission"
                        ),
                    )
                    .at(s, None)
                    .help(t!(
                        "hapus `langsung_diterima`; semua prestasi diberi bobot lalu diperingkat",
                        "remove `langsung_diterima`; every achievement is weighted and ranked"
                    )),
                );
            }
        }
    }
}

fn sd(c: &mut Ctx) {
    let mut tests: Vec<Span> = Vec::new();
    let mut tk: Vec<(Span, String)> = Vec::new();
    let is_tk = kata_tk;
    for s in &c.j.skor {
        // A score named for a test (`skor wawancara = …`) is a test whatever it reads.
        if kata_tes(&s.nama.node) {
            tests.push(s.nama.span);
            continue;
        }
        for su in &s.suku {
            match &su.node.sumber.node {
                Sumber::Tes { .. } => tests.push(su.span),
                Sumber::Masukan { nama } if is_tk(nama) => tk.push((su.span, nama.clone())),
                Sumber::Masukan { nama } | Sumber::Poin { tabel: nama } if kata_tes(nama) => {
                    tests.push(su.span)
                }
                _ => {}
            }
        }
    }
    for t in &c.j.poin {
        if kata_tes(&t.nama.node) {
            tests.push(t.nama.span);
        }
    }
    for jl in &c.j.jalur {
        for x in std::iter::once(jl).chain(jl.sub.iter()) {
            for s in &x.syarat {
                if let Syarat::Lain(n) | Syarat::Status(n) = &s.node {
                    if is_tk(n) {
                        tk.push((s.span, n.clone()));
                    } else if kata_tes(n) {
                        tests.push(s.span);
                    }
                }
            }
            if let Some(u) = &x.urutan {
                for k in &u.node {
                    // `lulusan_tk dulu`: a priority for TK/PAUD graduates (FAQ 26).
                    if let KriteriaJenis::Status(n) = &k.node.kriteria {
                        if is_tk(n) {
                            tk.push((k.span, n.clone()));
                        }
                    }
                    if let KriteriaJenis::Skor(n) = &k.node.kriteria {
                        if is_tk(n) {
                            tk.push((k.span, n.clone()));
                        } else if kata_tes(n) && c.j.skor(n).is_none() {
                            tests.push(k.span);
                        }
                    }
                }
            }
        }
    }
    for b in &c.j.biaya {
        if b.node.untuk.as_deref().is_some_and(kata_tes) {
            tests.push(b.span);
        }
    }
    for s in tests {
        c.push(
            Diagnostic::new(
                "sd.tanpa_tes",
                t!(
                    "calon murid SD tidak boleh dites",
                    "SD applicants must not be tested"
                ),
            )
            .at(s, None)
            .also(c.jenjang_span(), t!("jenjang SD", "jenjang SD"))
            .help(t!(
                "hapus tes: SD tidak memakai tes membaca, menulis, berhitung atau tes lain",
                "remove the test: SD uses no reading, writing, arithmetic or other test"
            )),
        );
    }
    for (s, n) in tk {
        c.push(
            Diagnostic::new(
                "sd.tanpa_prioritas_tk",
                t!(
                    "lulusan TK/PAUD tidak boleh diprioritaskan: `{n}`",
                    "TK/PAUD graduates must not be given priority: `{n}`"
                ),
            )
            .at(s, None)
            .help(t!(
                "hapus `{n}`: masuk SD tidak mensyaratkan lulus TK/PAUD",
                "remove `{n}`: SD does not require TK/PAUD"
            )),
        );
    }
}
