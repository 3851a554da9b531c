//! Eligibility conditions (`syarat`) are only those the regulation knows: the zone,
//! the statuses of its groups (ketm, disabilitas, pindah_tugas, anak_guru) in
//! their own jalur, age and completion of the previous level; an SMK may add
//! programme requirements. Conditions on religion, appearance, origin school,
//! reading ability and the like discriminate. Regional proof documents (`bukti`)
//! name a known status and say what they are.

use super::Ctx;
use crate::diagnostic::suggest::closest;
use crate::diagnostic::Diagnostic;
use crate::model::{Jalur, Jenjang, Syarat};
use crate::span::Span;
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if jj == Jenjang::TK {
        return;
    }
    for jl in &c.j.jalur {
        for unit in std::iter::once(jl).chain(jl.sub.iter()) {
            for s in &unit.syarat {
                syarat(c, jj, jl, &s.node, s.span);
            }
        }
    }
    bukti(c);
}

fn known<'a>(c: &Ctx<'a>) -> Vec<&'a str> {
    c.rb.parameter.status.keys().map(String::as_str).collect()
}

/// One condition of jalur `jl`: also used for a ranking's status criterion
/// (`anak_guru dulu`), which must name a status of that jalur's groups too.
pub(super) fn syarat(c: &mut Ctx, jj: Jenjang, jl: &Jalur, s: &Syarat, span: Span) {
    if let Syarat::SalahSatu(names) = s {
        // Each alternative is judged as `status NAME` would be.
        for n in names {
            syarat(c, jj, jl, &Syarat::Status(n.clone()), span);
        }
        return;
    }
    let (name, is_status) = match s {
        // Objective conditions the regulation's zones are made of.
        Syarat::DalamWilayah
        | Syarat::Jarak { .. }
        | Syarat::SalahSatu(_)
        | Syarat::Kelompok { .. } => return,
        Syarat::Status(n) => (n.as_str(), true),
        // `syarat ketm` reads as `syarat status ketm`.
        Syarat::Lain(n) => (n.as_str(), c.rb.parameter.status.contains_key(n)),
    };
    // Reported by their own rules: TK graduates and tests in SD, accreditation.
    let tokens: Vec<&str> = name.split('_').collect();
    if jj == Jenjang::SD && (super::prestasi::kata_tk(name) || super::prestasi::kata_tes(name)) {
        return;
    }
    if name.contains("akreditasi") {
        return;
    }
    let induk = jl.induk();
    if induk == "mutasi" && tenaga_kependidikan(&tokens) {
        c.push(
            Diagnostic::new(
                "mutasi.cakupan",
                t!(
                    "anak tenaga kependidikan tidak termasuk jalur mutasi: `{name}`",
                    "children of administrative staff are not part of jalur mutasi: `{name}`"
                ),
            )
            .at(span, None)
            .help(t!(
                "jalur mutasi hanya untuk perpindahan tugas orang tua dan anak guru (ASN atau honorer) di sekolah tempat orang tuanya mengajar; hapus `{name}`",
                "jalur mutasi is only for parent transfers and teachers' children (civil-servant or honorary) at the parent's school; remove `{name}`"
            )),
        );
        return;
    }
    if let Some((kind_id, kind_en)) = diskriminatif(name, &tokens, jj) {
        c.push(
            Diagnostic::new(
                "syarat.objektif",
                t!(
                    "syarat `{name}` membeda-bedakan calon murid ({kind_id})",
                    "condition `{name}` discriminates between applicants ({kind_en})"
                ),
            )
            .at(span, None)
            .help(t!(
                "hapus syarat ini: SPMB objektif dan tanpa diskriminasi; sekolah yang khusus melayani kelompok agama atau gender tertentu diatur tersendiri",
                "remove this condition: SPMB is objective and non-discriminatory; schools designed for one religious or gender group follow their own provisions"
            )),
        );
        return;
    }
    let statuses = known(c);
    if is_status {
        if let Some(group_jalur) = c.rb.parameter.status.get(name) {
            // A group's status belongs to its own jalur; SMK names jalur freely,
            // and a jalur that is not a national one is reported as such.
            let national = crate::model::lower::NATIONAL_JALUR.contains(&induk);
            if jj != Jenjang::SMK && national && group_jalur != induk {
                let g = group_jalur.clone();
                c.push(
                    Diagnostic::new(
                        "syarat.objektif",
                        t!(
                            "status `{name}` adalah syarat jalur {g}, bukan jalur {induk}",
                            "status `{name}` belongs to jalur {g}, not jalur {induk}"
                        ),
                    )
                    .at(span, None)
                    .help(t!(
                        "hapus syarat ini dari jalur {induk}; kelompok `{name}` mendaftar lewat jalur {g}",
                        "remove it from jalur {induk}; the `{name}` group applies through jalur {g}"
                    )),
                );
            }
            return;
        }
        let suggestion = sinonim(name).or_else(|| closest(name, statuses.iter().copied()));
        match suggestion {
            Some(s) => c.push(
                Diagnostic::new(
                    "nama.tidak_dikenal",
                    t!(
                        "status `{name}` tidak dikenal",
                        "unknown status `{name}`"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "mungkin maksud Anda `{s}`? status yang dikenal: {}",
                    "did you mean `{s}`? known statuses: {}",
                    statuses.join(", ")
                ))
                .note(t!(
                    "status yang tidak dikenal tidak pernah cocok dengan data pendaftar, jadi kursinya tidak terisi",
                    "an unknown status never matches the applicant data, so its seats stay empty"
                )),
            ),
            None => c.push(
                Diagnostic::new(
                    "syarat.objektif",
                    t!(
                        "status `{name}` bukan kelompok yang dikenal peraturan",
                        "status `{name}` is not a group the regulation knows"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "status yang dikenal: {} (afirmasi: ketm, disabilitas; mutasi: pindah_tugas, anak_guru)",
                    "known statuses: {} (afirmasi: ketm, disabilitas; mutasi: pindah_tugas, anak_guru)",
                    statuses.join(", ")
                )),
            ),
        }
        return;
    }
    if umum(&tokens) || jj == Jenjang::SMK {
        // Age, completion of the previous level; SMK programme requirements
        // (Pasal 13(2)).
        return;
    }
    let hint = closest(name, ["dalam_wilayah"]).map(|_| "dalam_wilayah");
    c.push(
        Diagnostic::new(
            "syarat.objektif",
            t!(
                "syarat `{name}` tidak dikenal peraturan",
                "condition `{name}` is not one the regulation knows"
            ),
        )
        .at(span, None)
        .help(match hint {
            Some(h) => t!("mungkin maksud Anda `{h}`?", "did you mean `{h}`?"),
            None => t!(
                "syarat yang dikenal: `dalam_wilayah`, `status ketm`, `status disabilitas`, `status pindah_tugas`, `status anak_guru`; usia ditulis di blok `usia`",
                "known conditions: `dalam_wilayah`, `status ketm`, `status disabilitas`, `status pindah_tugas`, `status anak_guru`; age goes in the `usia` block"
            ),
        }),
    );
}

/// Age and completion of the previous level, the general requirements.
fn umum(tokens: &[&str]) -> bool {
    matches!(
        tokens.first(),
        Some(&("lulus" | "telah" | "usia" | "ijazah" | "skl"))
    ) && !tokens.iter().any(|t| ASAL_SEKOLAH.contains(t))
}

fn tenaga_kependidikan(tokens: &[&str]) -> bool {
    tokens.iter().any(|t| {
        matches!(
            *t,
            "tendik"
                | "tu"
                | "tata"
                | "staf"
                | "staff"
                | "pegawai"
                | "karyawan"
                | "pesuruh"
                | "satpam"
        )
    })
}

const ASAL_SEKOLAH: &[&str] = &["negeri", "swasta", "favorit", "unggulan", "asal"];

/// The kind of discrimination a condition name shows, if any.
fn diskriminatif(name: &str, tokens: &[&str], jj: Jenjang) -> Option<(&'static str, &'static str)> {
    let stem = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let token = |words: &[&str]| tokens.iter().any(|t| words.contains(t));
    if stem(&[
        "agama",
        "islam",
        "muslim",
        "kristen",
        "katolik",
        "protestan",
        "hindu",
        "buddha",
        "budha",
        "konghucu",
        "khonghucu",
        "jilbab",
        "hijab",
        "mengaji",
        "quran",
        "hafiz",
        "hafal",
    ]) || token(&["btq"])
    {
        return Some(("agama", "religion"));
    }
    if token(&["suku", "ras", "etnis", "pribumi"]) {
        return Some(("suku atau ras", "ethnicity or race"));
    }
    if token(&["pria", "wanita", "laki", "perempuan", "gender", "kelamin"]) {
        return Some(("jenis kelamin", "sex"));
    }
    if stem(&["tato", "tindik", "penampilan", "rambut", "berkacamata"]) {
        return Some(("penampilan", "appearance"));
    }
    // Body measures can be an SMK programme requirement (Pasal 13(2)).
    if jj != Jenjang::SMK && stem(&["tinggi_badan", "berat_badan", "buta_warna"]) {
        return Some(("kondisi fisik", "physical condition"));
    }
    if (token(&["asal", "lulusan", "dari"]) && token(&["sekolah", "sd", "smp", "mi", "mts"]))
        || token(&["negeri", "swasta", "favorit", "unggulan"])
    {
        return Some(("asal sekolah", "origin school"));
    }
    if stem(&[
        "membaca",
        "menulis",
        "berhitung",
        "calistung",
        "baca",
        "tulis",
    ]) {
        return Some(("kemampuan membaca/menulis", "reading/writing ability"));
    }
    if stem(&["domisili_kota", "ktp", "warga_asli", "penduduk_asli"]) {
        return Some(("asal daerah", "place of origin"));
    }
    None
}

/// Words people write for a known status.
fn sinonim(name: &str) -> Option<&'static str> {
    match name {
        "miskin"
        | "tidak_mampu"
        | "keluarga_tidak_mampu"
        | "ekonomi_tidak_mampu"
        | "kurang_mampu"
        | "dtks"
        | "dtsen"
        | "kip"
        | "pkh"
        | "kks"
        | "sktm" => Some("ketm"),
        "difabel" | "penyandang_disabilitas" | "abk" | "berkebutuhan_khusus" => Some("disabilitas"),
        "perpindahan_tugas" | "pindah_tugas_orang_tua" | "mutasi" | "pindahan" => {
            Some("pindah_tugas")
        }
        "anak_pendidik" | "anak_guru_sekolah" | "guru" => Some("anak_guru"),
        _ => None,
    }
}

/// `bukti NAME untuk STATUS "…"`: a known status and a real description.
fn bukti(c: &mut Ctx) {
    let statuses = known(c);
    let mut out = Vec::new();
    for b in &c.j.bukti {
        let s = &b.node.status;
        if !statuses.contains(&s.node.as_str()) {
            let n = &s.node;
            let d = Diagnostic::new(
                "nama.tidak_dikenal",
                t!("status `{n}` tidak dikenal", "unknown status `{n}`"),
            )
            .at(s.span, None)
            .help(crate::diagnostic::suggest::help_for(n, &statuses));
            out.push(d);
        }
        if b.node.keterangan.is_none() {
            let n = &b.node.nama.node;
            out.push(
                Diagnostic::new(
                    "nilai.kosong",
                    t!(
                        "bukti `{n}` belum diuraikan",
                        "proof `{n}` is not described"
                    ),
                )
                .at(b.span, None)
                .help(t!(
                    "tulis apa dokumen itu dan siapa penerbitnya, mis. `bukti {n} untuk ketm \"Kartu X, program keluarga tidak mampu Pemerintah Kota Y\"`",
                    "say what the document is and who issues it, e.g. `bukti {n} untuk ketm \"Card X, poverty programme of the City of Y\"`"
                )),
            );
        }
    }
    for d in out {
        c.push(d);
    }
}
