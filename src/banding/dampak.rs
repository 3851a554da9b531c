//! What a change of juknis does to applicants: both plans run by the engine on
//! the same schools and applicants, then compared applicant by applicant —
//! how many change outcome (accepted → not, not → accepted, another school,
//! another jalur at the same school), per school and jalur the accepted before
//! and after with the cut-off keys, and whom the change favours by distance
//! band and by status. Deterministic: everything in NISN, school and unit
//! order.

use super::Lang;
use crate::engine::{Hasil, HasilPendaftar, Pendaftar, PendaftarFile, Prepared, Sekolah, Status};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Distance bands (metres to the first choice) the report groups by.
const PITA_JARAK: [(u32, &str); 4] = [
    (1_000, "< 1 km"),
    (3_000, "1–3 km"),
    (5_000, "3–5 km"),
    (u32::MAX, "≥ 5 km"),
];

/// One run of the engine, as the comparison needs it.
pub struct Jalan<'a> {
    pub prepared: &'a Prepared,
    pub hasil: &'a Hasil,
    pub bacaan: &'a PendaftarFile,
}

#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Dampak {
    /// Applicants in the data (read by at least one plan).
    pub pendaftar: usize,
    /// Applicants whose outcome changed in any way.
    pub berubah: usize,
    /// Accepted before, not after.
    pub diterima_ke_tidak: usize,
    /// Not accepted before, accepted after.
    pub tidak_ke_diterima: usize,
    /// Accepted both times, at another school.
    pub pindah_sekolah: usize,
    /// Accepted both times at the same school, in another jalur.
    pub pindah_jalur: usize,
    /// Another change (reserve place, a row only one plan could read).
    pub lainnya: usize,
    /// Per school and jalur (or sub-jalur), where anything differs.
    pub per_sekolah: Vec<BarisSekolah>,
    /// Accepted before and after, by distance to the first choice.
    pub menurut_jarak: Vec<Kelompok>,
    /// Accepted before and after, by status.
    pub menurut_status: Vec<Kelompok>,
    /// Every applicant whose outcome changed, in NISN order.
    pub daftar: Vec<PendaftarBerubah>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct BarisSekolah {
    pub npsn: String,
    /// Jalur or sub-jalur id (a later round `afirmasi@3` counts as `afirmasi`).
    pub jalur: String,
    pub diterima_lama: u32,
    pub diterima_baru: u32,
    /// Accepted here after, not before.
    pub masuk: u32,
    /// Accepted here before, not after.
    pub keluar: u32,
    /// The last accepted applicant's key, before and after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kunci_terakhir_lama: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kunci_terakhir_baru: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Kelompok {
    pub kelompok: String,
    pub pendaftar: u32,
    pub diterima_lama: u32,
    pub diterima_baru: u32,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PendaftarBerubah {
    pub nisn: String,
    pub lama: Hasil1,
    pub baru: Hasil1,
    /// `diterima_ke_tidak`, `tidak_ke_diterima`, `pindah_sekolah`,
    /// `pindah_jalur`, `lainnya`.
    pub perubahan: String,
}

/// One applicant's outcome under one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Hasil1 {
    /// As in hasil.csv; `tidak_terbaca` when this plan could not read the row.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sekolah: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jalur: Option<String>,
}

/// A unit's jalur without its round (`afirmasi@3` → `afirmasi`).
fn base(id: &str) -> &str {
    id.split('@').next().unwrap_or(id)
}

fn outcome(h: Option<&HasilPendaftar>, p: &Prepared, sekolah: &[Sekolah]) -> Hasil1 {
    let Some(h) = h else {
        return Hasil1 {
            status: "tidak_terbaca".into(),
            sekolah: None,
            jalur: None,
        };
    };
    let school = h.sekolah.or(h.cadangan.map(|c| c.0));
    Hasil1 {
        status: h.status.as_str().into(),
        sekolah: school
            .and_then(|s| sekolah.get(s as usize))
            .map(|s| s.npsn.clone()),
        jalur: h
            .unit
            .and_then(|u| p.units.get(u))
            .map(|u| base(&u.id).to_string()),
    }
}

fn by_nisn(h: &Hasil) -> BTreeMap<&str, &HasilPendaftar> {
    h.pendaftar.iter().map(|r| (r.nisn.as_str(), r)).collect()
}

fn facts(b: &PendaftarFile) -> BTreeMap<&str, &Pendaftar> {
    b.pendaftar.iter().map(|p| (p.nisn.as_str(), p)).collect()
}

/// Compare two runs on the same schools (the same file, read once).
pub fn compute(lama: &Jalan, baru: &Jalan, sekolah: &[Sekolah], lang: Lang) -> Dampak {
    let (hl, hb) = (by_nisn(lama.hasil), by_nisn(baru.hasil));
    let (fl, fb) = (facts(lama.bacaan), facts(baru.bacaan));
    let mut nisn: Vec<&str> = hl.keys().chain(hb.keys()).copied().collect();
    nisn.sort_unstable();
    nisn.dedup();
    let mut d = Dampak {
        pendaftar: nisn.len(),
        ..Dampak::default()
    };
    let accepted = |h: &Hasil1| h.status == Status::Diterima.as_str();
    let mut per: BTreeMap<(String, String), BarisSekolah> = BTreeMap::new();
    fn row(per: &mut BTreeMap<(String, String), BarisSekolah>, h: &Hasil1) {
        let (npsn, jalur) = (
            h.sekolah.clone().unwrap_or_default(),
            h.jalur.clone().unwrap_or_default(),
        );
        per.entry((npsn.clone(), jalur.clone()))
            .or_insert_with(|| BarisSekolah {
                npsn,
                jalur,
                diterima_lama: 0,
                diterima_baru: 0,
                masuk: 0,
                keluar: 0,
                kunci_terakhir_lama: None,
                kunci_terakhir_baru: None,
            });
    }
    let mut jarak: Vec<Kelompok> = PITA_JARAK
        .iter()
        .map(|(_, n)| Kelompok {
            kelompok: (*n).into(),
            pendaftar: 0,
            diterima_lama: 0,
            diterima_baru: 0,
        })
        .collect();
    let mut status: BTreeMap<String, Kelompok> = BTreeMap::new();
    for n in nisn {
        let a = outcome(hl.get(n).copied(), lama.prepared, sekolah);
        let b = outcome(hb.get(n).copied(), baru.prepared, sekolah);
        let (ya, yb) = (accepted(&a), accepted(&b));
        let place = |h: &Hasil1| {
            (
                h.sekolah.clone().unwrap_or_default(),
                h.jalur.clone().unwrap_or_default(),
            )
        };
        if ya {
            row(&mut per, &a);
        }
        if yb {
            row(&mut per, &b);
        }
        if ya {
            if let Some(r) = per.get_mut(&place(&a)) {
                r.diterima_lama += 1;
                if !yb || place(&b) != place(&a) {
                    r.keluar += 1;
                }
            }
        }
        if yb {
            if let Some(r) = per.get_mut(&place(&b)) {
                r.diterima_baru += 1;
                if !ya || place(&b) != place(&a) {
                    r.masuk += 1;
                }
            }
        }
        // Who: distance to the first choice and statuses, from the data as
        // either plan read it.
        let f = fb.get(n).or(fl.get(n)).copied();
        if let Some(f) = f {
            let m = f.jarak.first().copied().unwrap_or(u32::MAX);
            if m != u32::MAX {
                if let Some(i) = PITA_JARAK.iter().position(|(hi, _)| m < *hi) {
                    if let Some(g) = jarak.get_mut(i) {
                        g.pendaftar += 1;
                        g.diterima_lama += u32::from(ya);
                        g.diterima_baru += u32::from(yb);
                    }
                }
            }
            let names = status_names(f, fb.get(n).map(|_| baru.prepared).unwrap_or(lama.prepared));
            let names = if names.is_empty() {
                vec![w(lang, "(tanpa status)", "(no status)").to_string()]
            } else {
                names
            };
            for s in names {
                let g = status.entry(s.clone()).or_insert(Kelompok {
                    kelompok: s,
                    pendaftar: 0,
                    diterima_lama: 0,
                    diterima_baru: 0,
                });
                g.pendaftar += 1;
                g.diterima_lama += u32::from(ya);
                g.diterima_baru += u32::from(yb);
            }
        }
        if a == b {
            continue;
        }
        let kind = match (ya, yb) {
            (true, false) => "diterima_ke_tidak",
            (false, true) => "tidak_ke_diterima",
            (true, true) if a.sekolah != b.sekolah => "pindah_sekolah",
            (true, true) => "pindah_jalur",
            (false, false) => "lainnya",
        };
        match kind {
            "diterima_ke_tidak" => d.diterima_ke_tidak += 1,
            "tidak_ke_diterima" => d.tidak_ke_diterima += 1,
            "pindah_sekolah" => d.pindah_sekolah += 1,
            "pindah_jalur" => d.pindah_jalur += 1,
            _ => d.lainnya += 1,
        }
        d.berubah += 1;
        d.daftar.push(PendaftarBerubah {
            nisn: n.to_string(),
            lama: a,
            baru: b,
            perubahan: kind.into(),
        });
    }
    // Cut-off keys: each unit's last accepted key per school (a later round
    // of the same jalur gives the key of the last round that accepted).
    for (run, lama_side) in [(lama, true), (baru, false)] {
        for r in &run.hasil.ringkasan {
            let (Some(s), Some(u), Some(k)) = (
                sekolah.get(r.sekolah as usize),
                run.prepared.units.get(r.unit),
                r.kunci_terakhir.as_ref(),
            ) else {
                continue;
            };
            if let Some(row) = per.get_mut(&(s.npsn.clone(), base(&u.id).to_string())) {
                if lama_side {
                    row.kunci_terakhir_lama = Some(k.clone());
                } else {
                    row.kunci_terakhir_baru = Some(k.clone());
                }
            }
        }
    }
    d.per_sekolah = per
        .into_values()
        .filter(|r| {
            r.masuk > 0
                || r.keluar > 0
                || r.diterima_lama != r.diterima_baru
                || r.kunci_terakhir_lama != r.kunci_terakhir_baru
        })
        .collect();
    d.menurut_jarak = jarak.into_iter().filter(|g| g.pendaftar > 0).collect();
    d.menurut_status = status.into_values().collect();
    d
}

fn status_names(f: &Pendaftar, p: &Prepared) -> Vec<String> {
    p.status
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && f.status & (1u64 << i) != 0)
        .map(|(_, s)| s.clone())
        .collect()
}

/// The changed applicants as CSV (header first), for a spreadsheet.
pub fn csv(d: &Dampak) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "nisn",
        "perubahan",
        "status_lama",
        "sekolah_lama",
        "jalur_lama",
        "status_baru",
        "sekolah_baru",
        "jalur_baru",
    ]);
    for p in &d.daftar {
        let o = |x: &Option<String>| x.clone().unwrap_or_default();
        let _ = w.write_record([
            p.nisn.clone(),
            p.perubahan.clone(),
            p.lama.status.clone(),
            o(&p.lama.sekolah),
            o(&p.lama.jalur),
            p.baru.status.clone(),
            o(&p.baru.sekolah),
            o(&p.baru.jalur),
        ]);
    }
    w.into_inner()
        .map(|v| String::from_utf8_lossy(&v).into_owned())
        .unwrap_or_default()
}

fn w<'a>(lang: Lang, id: &'a str, en: &'a str) -> &'a str {
    lang.pick(id, en)
}

fn totals(d: &Dampak, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{} dari {} pendaftar berubah hasil: {} diterima → tidak, {} tidak → diterima, {} pindah sekolah, {} pindah jalur, {} lainnya",
            d.berubah, d.pendaftar, d.diterima_ke_tidak, d.tidak_ke_diterima, d.pindah_sekolah, d.pindah_jalur, d.lainnya
        ),
        Lang::En => format!(
            "{} of {} applicants change outcome: {} accepted → not, {} not → accepted, {} another school, {} another jalur, {} other",
            d.berubah, d.pendaftar, d.diterima_ke_tidak, d.tidak_ke_diterima, d.pindah_sekolah, d.pindah_jalur, d.lainnya
        ),
    }
}

fn signed(a: u32, b: u32) -> String {
    let d = i64::from(b) - i64::from(a);
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// The groups whom a change may favour, with their titles (capitalised for a
/// heading).
fn groups(d: &Dampak, lang: Lang, heading: bool) -> [(String, &Vec<Kelompok>); 2] {
    let cap = |t: &str| {
        if !heading {
            return t.to_string();
        }
        crate::text::capitalize(t)
    };
    [
        (
            cap(w(
                lang,
                "menurut jarak ke pilihan pertama",
                "by distance to the first choice",
            )),
            &d.menurut_jarak,
        ),
        (
            cap(w(lang, "menurut status", "by status")),
            &d.menurut_status,
        ),
    ]
}

/// Plain text, after the comparison of the texts.
pub fn human(d: &Dampak, lang: Lang) -> String {
    let mut s = format!(
        "\n{}\n  {}\n",
        w(lang, "Dampak pada pendaftar:", "Effect on applicants:"),
        totals(d, lang)
    );
    if !d.per_sekolah.is_empty() {
        s += &format!(
            "\n  {}\n",
            w(
                lang,
                "sekolah  jalur  diterima lama → baru (masuk/keluar)  kunci terakhir lama → baru",
                "school  jalur  accepted old → new (in/out)  last key old → new"
            )
        );
        for r in &d.per_sekolah {
            s += &format!(
                "  {}  {}  {} → {} (+{}/-{})  {} → {}\n",
                r.npsn,
                r.jalur,
                r.diterima_lama,
                r.diterima_baru,
                r.masuk,
                r.keluar,
                r.kunci_terakhir_lama.as_deref().unwrap_or("—"),
                r.kunci_terakhir_baru.as_deref().unwrap_or("—")
            );
        }
    }
    for (title, list) in groups(d, lang, false) {
        s += &format!("\n  {title}:\n");
        for g in list {
            s += &format!(
                "    {:<16} {} {}, {} {} → {} ({})\n",
                g.kelompok,
                g.pendaftar,
                w(lang, "pendaftar", "applicants"),
                w(lang, "diterima", "accepted"),
                g.diterima_lama,
                g.diterima_baru,
                signed(g.diterima_lama, g.diterima_baru)
            );
        }
    }
    s
}

/// Markdown, after the comparison of the texts.
pub fn markdown(d: &Dampak, lang: Lang) -> String {
    let mut s = format!(
        "\n## {}\n\n{}.\n",
        w(lang, "Dampak pada pendaftar", "Effect on applicants"),
        totals(d, lang)
    );
    if !d.per_sekolah.is_empty() {
        s += &format!(
            "\n| {} | jalur | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
            w(lang, "sekolah", "school"),
            w(lang, "diterima lama → baru", "accepted old → new"),
            w(lang, "masuk", "in"),
            w(lang, "keluar", "out"),
            w(lang, "kunci terakhir lama → baru", "last key old → new"),
        );
        for r in &d.per_sekolah {
            s += &format!(
                "| {} | `{}` | {} → {} | {} | {} | {} → {} |\n",
                r.npsn,
                r.jalur,
                r.diterima_lama,
                r.diterima_baru,
                r.masuk,
                r.keluar,
                r.kunci_terakhir_lama.as_deref().unwrap_or("—"),
                r.kunci_terakhir_baru.as_deref().unwrap_or("—")
            );
        }
    }
    for (title, list) in groups(d, lang, true) {
        s += &format!(
            "\n### {title}\n\n| | {} | {} | {} |\n|---|---|---|---|\n",
            w(lang, "pendaftar", "applicants"),
            w(lang, "diterima lama → baru", "accepted old → new"),
            w(lang, "selisih", "difference")
        );
        for g in list {
            s += &format!(
                "| {} | {} | {} → {} | {} |\n",
                g.kelompok,
                g.pendaftar,
                g.diterima_lama,
                g.diterima_baru,
                signed(g.diterima_lama, g.diterima_baru)
            );
        }
    }
    s
}
