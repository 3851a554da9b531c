//! Which jalur a juknis may have: the four national jalur for SD/SMP/SMA (no
//! prestasi in SD), none for TK, the region's own for SMK.

use super::dokumen::proven_by;
use super::Ctx;
use crate::diagnostic::suggest::help_for;
use crate::diagnostic::Diagnostic;
use crate::model::lower::NATIONAL_JALUR;
use crate::model::{Jalur, Jenjang, Persen, Syarat};
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    match jj {
        Jenjang::TK => tk(c),
        Jenjang::SMK => smk(c),
        _ => national(c, jj),
    }
    if jj.has_national_jalur() {
        excepted(c);
    }
}

/// The kinds of school Pasal 7(2) lets admit outside the four jalur (FAQ 8).
pub const PENGECUALIAN_SEKOLAH: &[&str] = &[
    "kerja_sama",
    "luar_negeri",
    "pendidikan_khusus",
    "layanan_khusus",
    "berasrama",
    "daerah_3t",
    "kurang_satu_rombel",
];

/// `dikecualikan "NPSN" REASON`: only for a reason Pasal 7(2) gives.
fn excepted(c: &mut Ctx) {
    for b in &c.j.bersama {
        if b.node.kesepakatan.is_none() {
            let n = &b.node.npsn.node;
            c.push(
                Diagnostic::new(
                    "bersama",
                    t!(
                        "sekolah {n} ikut SPMB bersama tanpa kesepakatan",
                        "school {n} joins the SPMB with no agreement named"
                    ),
                )
                .at(b.span, None)
                .help(t!(
                    "sebut naskah kerja samanya: `bersama \"{n}\" \"PKS No. …\"` (FAQ 7: kuotanya menjadi kesepakatan para pihak)",
                    "name the cooperation agreement: `bersama \"{n}\" \"PKS No. …\"` (FAQ 7: its quota is agreed between the parties)"
                )),
            );
        }
    }
    for d in &c.j.dikecualikan {
        let a = &d.node.alasan;
        if PENGECUALIAN_SEKOLAH.contains(&a.node.as_str()) {
            continue;
        }
        let (w, n) = (&a.node, &d.node.npsn.node);
        c.push(
            Diagnostic::new(
                "jalur.pengecualian",
                t!(
                    "sekolah {n} dikecualikan dari jalur karena `{w}`, alasan yang tidak diakui peraturan",
                    "school {n} is excepted from the jalur for `{w}`, a reason the regulation does not give"
                ),
            )
            .at(a.span, Some(t!("bukan alasan Pasal 7 ayat (2)", "not a Pasal 7(2) reason")))
            .help(
                match crate::diagnostic::suggest::closest(w, PENGECUALIAN_SEKOLAH.iter().copied()) {
                    Some(_) => help_for(w, PENGECUALIAN_SEKOLAH),
                    None => {
                        let l = PENGECUALIAN_SEKOLAH.join("`, `");
                        t!(
                            "yang diakui hanya `{l}`; sekolah lain menerima lewat jalur — hapus baris ini",
                            "only `{l}` are reasons; any other school admits through the jalur — remove this line"
                        )
                    }
                },
            ),
        );
    }
}

fn tk(c: &mut Ctx) {
    // Age groups fill up: the juknis says who goes first inside a group.
    if let (None, Some(t), Some(k)) = (&c.j.urutan_tk, c.j.tahap.first(), c.j.usia.kelompok.first())
    {
        c.push(
            Diagnostic::new(
                "tk.urutan",
                t!(
                    "juknis TK tidak menyebut urutan di dalam kelompok usia",
                    "the TK juknis states no ranking inside an age group"
                ),
            )
            .at(t.nomor.span, Some(t!("kelompok yang penuh diurutkan bagaimana?", "how is a full group ranked?")))
            .also(k.span, t!("kelompok usia", "age group"))
            .help(t!(
                "tulis mis. `urutan usia tertua, jarak terdekat, waktu_daftar terawal`; tanpa itu hanya urutan NISN yang memisahkan pendaftar",
                "write e.g. `urutan usia tertua, jarak terdekat, waktu_daftar terawal`; without it only the NISN order separates applicants"
            )),
        );
    }
    for j in &c.j.jalur {
        let n = &j.nama.node;
        c.push(
            Diagnostic::new(
                "tk.jalur",
                t!(
                    "TK tidak memakai jalur: `jalur {n}`",
                    "TK has no jalur: `jalur {n}`"
                ),
            )
            .at(j.nama.span, None)
            .also(c.jenjang_span(), t!("jenjang TK", "jenjang TK"))
            .help(t!(
                "penerimaan TK hanya memakai syarat usia (kelompok A dan B); hapus blok jalur",
                "TK admission uses only the age rules (groups A and B); remove the jalur block"
            )),
        );
    }
    for t in &c.j.tahap {
        if let Some(first) = t.jalur.first() {
            c.push(
                Diagnostic::new(
                    "tk.jalur",
                    t!(
                        "TK tidak memakai jalur dalam tahap",
                        "TK waves select no jalur"
                    ),
                )
                .at(first.span, None)
                .help(t!(
                    "hapus baris `jalur` dari tahap",
                    "remove the `jalur` line from the wave"
                )),
            );
        }
    }
}

fn national(c: &mut Ctx, jj: Jenjang) {
    let jn = jj.as_str();
    for j in &c.j.jalur {
        let n = j.id.as_str();
        if jj == Jenjang::SD && n == "prestasi" {
            c.push(
                Diagnostic::new(
                    "jalur.prestasi.sd",
                    t!(
                        "SD tidak boleh memakai jalur prestasi",
                        "SD must not have a jalur prestasi"
                    ),
                )
                .at(j.nama.span, None)
                .also(c.jenjang_span(), t!("jenjang SD", "jenjang SD"))
                .help(t!(
                    "hapus jalur prestasi dan bagikan kuotanya ke domisili atau afirmasi",
                    "remove jalur prestasi and give its quota to domisili or afirmasi"
                )),
            );
            continue;
        }
        if !NATIONAL_JALUR.contains(&n) {
            c.push(
                Diagnostic::new("jalur.cakupan", t!("`{n}` bukan jalur SPMB untuk {jn}", "`{n}` is not an SPMB jalur for {jn}"))
                    .at(j.nama.span, None)
                    .help(help_for(n, &NATIONAL_JALUR))
                    .note(t!(
                        "penerimaan SD, SMP dan SMA hanya melalui jalur domisili, afirmasi, prestasi (bukan SD) dan mutasi; bagian di dalam satu jalur ditulis sebagai `sub`",
                        "SD, SMP and SMA admit only through domisili, afirmasi, prestasi (not SD) and mutasi; parts of one jalur are written as `sub`"
                    )),
            );
        }
    }
    for need in NATIONAL_JALUR {
        if jj == Jenjang::SD && need == "prestasi" {
            continue;
        }
        if c.j.jalur(need).is_none() {
            let span =
                c.j.jalur
                    .first()
                    .map(|j| j.span.start)
                    .map(|s| crate::span::Span::new(s, s))
                    .unwrap_or(c.jenjang_span());
            c.push(
                Diagnostic::new(
                    "jalur.cakupan",
                    t!("jalur `{need}` tidak ada", "jalur `{need}` is missing"),
                )
                .at(
                    span,
                    Some(t!(
                        "tambahkan jalur {need} di sini",
                        "add jalur {need} here"
                    )),
                )
                .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
                .help(t!(
                    "tulis `jalur {need} …%` dengan kuotanya",
                    "write `jalur {need} …%` with its quota"
                )),
            );
        }
    }
}

/// What an SMK jalur is, whatever its name: afirmasi when its name says so or
/// its conditions or documents are those of poor families or disability;
/// domisili when its name says so or it is bound to the zone. A renamed jalur
/// does not escape the SMK bounds.
fn smk_jenis(c: &Ctx, jl: &Jalur) -> (bool, bool) {
    let name = jl.id.as_str();
    let units: Vec<&Jalur> = std::iter::once(jl).chain(jl.sub.iter()).collect();
    let syarat = |want: &dyn Fn(&Syarat) -> bool| {
        units.iter().any(|u| u.syarat.iter().any(|s| want(&s.node)))
    };
    let afirmasi_status = c.rb.parameter.status_jalur("afirmasi");
    let afirmasi = name.contains("afirmasi")
        || syarat(&|s| match s {
            Syarat::Status(n) | Syarat::Lain(n) => afirmasi_status.contains(&n.as_str()),
            Syarat::SalahSatu(ns) => ns.iter().any(|n| afirmasi_status.contains(&n.as_str())),
            _ => false,
        })
        || units.iter().any(|u| {
            u.dokumen.iter().any(|d| {
                proven_by(c.j, &d.node.nama)
                    .iter()
                    .any(|x| afirmasi_status.contains(x))
            })
        });
    let domisili = ["domisili", "terdekat", "zonasi", "wilayah"]
        .iter()
        .any(|w| name.contains(w))
        || syarat(&|s| *s == Syarat::DalamWilayah);
    (afirmasi, domisili)
}

fn smk(c: &mut Ctx) {
    let k = &c.rb.parameter.kuota;
    let min_afirmasi = Persen::parse(&k.smk_afirmasi_min).unwrap_or(Persen::ZERO);
    let max_domisili = Persen::parse(&k.smk_domisili_max).unwrap_or(Persen::HUNDRED);
    let mut afirmasi: Vec<&Jalur> = Vec::new();
    let mut domisili: Vec<&Jalur> = Vec::new();
    for jl in &c.j.jalur {
        let (a, d) = smk_jenis(c, jl);
        if a {
            afirmasi.push(jl);
        } else if d {
            domisili.push(jl);
        }
    }
    let total = |v: &[&Jalur]| -> Persen {
        v.iter()
            .filter_map(|j| j.kuota.as_ref())
            .map(|q| q.node)
            .sum()
    };
    let names = |v: &[&Jalur]| {
        v.iter()
            .map(|j| j.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if afirmasi.is_empty() {
        let m = min_afirmasi;
        c.push(
            Diagnostic::new(
                "smk.afirmasi.min",
                t!("SMK tanpa jalur afirmasi", "SMK without a jalur afirmasi"),
            )
            .at(c.jenjang_span(), None)
            .help(t!(
                "menurut pernyataan Menteri, SMK menyediakan paling sedikit {m}% untuk afirmasi, mis. `jalur afirmasi {m}%`",
                "according to the minister, SMK reserve at least {m}% for afirmasi, e.g. `jalur afirmasi {m}%`"
            )),
        );
    } else if total(&afirmasi) < min_afirmasi {
        let (v, m, n) = (total(&afirmasi), min_afirmasi, names(&afirmasi));
        let first = afirmasi[0];
        let span = first.kuota.as_ref().map_or(first.nama.span, |q| q.span);
        c.push(
            Diagnostic::new(
                "smk.afirmasi.min",
                t!(
                    "kuota afirmasi SMK {v}% ({n}) di bawah {m}%",
                    "SMK afirmasi quota {v}% ({n}) is below {m}%"
                ),
            )
            .at(span, None)
            .help(t!(
                "menurut pernyataan Menteri, SMK menyediakan paling sedikit {m}% untuk afirmasi",
                "according to the minister, SMK reserve at least {m}% for afirmasi"
            )),
        );
    }
    if !domisili.is_empty() && total(&domisili) > max_domisili {
        let (v, m, n) = (total(&domisili), max_domisili, names(&domisili));
        let first = domisili[0];
        let span = first.kuota.as_ref().map_or(first.nama.span, |q| q.span);
        c.push(
            Diagnostic::new(
                "smk.domisili.max",
                t!(
                    "kuota domisili SMK {v}% ({n}) di atas {m}%",
                    "SMK domisili quota {v}% ({n}) is above {m}%"
                ),
            )
            .at(span, None)
            .help(t!(
                "menurut pernyataan Menteri, jalur domisili terdekat SMK paling banyak {m}%",
                "according to the minister, the SMK nearest-domicile jalur is at most {m}%"
            )),
        );
    }
}
