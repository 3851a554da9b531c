//! Result files: one row per applicant (`hasil.csv`) and one per school and unit
//! (`ringkasan.csv`), in a fixed order so equal inputs give equal bytes.

use super::{Hasil, Sekolah, Skema};
use crate::diagnostic::Lang;

fn csv_field(s: &str) -> String {
    let mut out = String::new();
    push_field(&mut out, s);
    out
}

/// Append one CSV field, quoted only when it must be.
fn push_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// `hasil.csv`: nisn, status, sekolah, jalur, tahap, peringkat, cadangan_sekolah,
/// cadangan_posisi, naik_dari_cadangan, alasan.
pub fn hasil_csv(h: &Hasil, skema: &Skema, sekolah: &[Sekolah], lang: Lang) -> String {
    use rayon::prelude::*;
    use std::fmt::Write as _;
    let head = "nisn,status,sekolah,jalur,tahap,peringkat,cadangan_sekolah,cadangan_posisi,naik_dari_cadangan,alasan\n";
    // Rows are rendered in parallel pieces and joined in order: same bytes.
    let pieces: Vec<String> = h
        .pendaftar
        .par_chunks(16_384)
        .map(|rows| {
            // Many applicants share a reason (outranked at the same school): render
            // each distinct one once per piece.
            let mut seen: std::collections::HashMap<super::Alasan, String> =
                std::collections::HashMap::new();
            let mut out = String::with_capacity(rows.len() * 72);
            for r in rows {
                let sk = r
                    .sekolah
                    .and_then(|s| sekolah.get(s as usize))
                    .map(|s| s.npsn.as_str())
                    .unwrap_or("");
                let unit = r
                    .unit
                    .and_then(|u| skema.units.get(u))
                    .map(|u| u.id.as_str())
                    .unwrap_or("");
                push_field(&mut out, &r.nisn);
                out.push(',');
                out.push_str(r.status.as_str());
                out.push(',');
                push_field(&mut out, sk);
                out.push(',');
                out.push_str(unit);
                out.push(',');
                if let Some(t) = r.tahap {
                    let _ = write!(out, "{t}");
                }
                out.push(',');
                if let Some(p) = r.peringkat {
                    let _ = write!(out, "{p}");
                }
                out.push(',');
                if let Some((s, _, p)) = r.cadangan {
                    out.push_str(&csv_field(
                        sekolah
                            .get(s as usize)
                            .map(|x| x.npsn.as_str())
                            .unwrap_or(""),
                    ));
                    let _ = write!(out, ",{p}");
                } else {
                    out.push(',');
                }
                out.push(',');
                if r.naik_dari_cadangan {
                    out.push_str("ya");
                }
                out.push(',');
                if r.alasan != super::Alasan::Kosong {
                    let text = seen
                        .entry(r.alasan)
                        .or_insert_with(|| csv_field(h.alasan(skema, sekolah, r.alasan).get(lang)));
                    out.push_str(text);
                }
                out.push('\n');
            }
            out
        })
        .collect();
    let mut out = String::with_capacity(pieces.iter().map(String::len).sum::<usize>() + head.len());
    out.push_str(head);
    for p in pieces {
        out.push_str(&p);
    }
    out
}

/// `ringkasan.csv`: per school and unit — seats from capacity, seats carried in,
/// accepted, unfilled, where the unfilled went, and the last accepted key.
pub fn ringkasan_csv(h: &Hasil, skema: &Skema, sekolah: &[Sekolah]) -> String {
    let mut out = String::from(
        "sekolah,jalur,tahap,kursi_awal,kursi_masuk,kursi,diterima,sisa,dialihkan_ke,naik_dari_cadangan,kunci_terakhir\n",
    );
    for r in &h.ringkasan {
        let sk = sekolah
            .get(r.sekolah as usize)
            .map(|s| s.npsn.as_str())
            .unwrap_or("");
        let unit = skema.units.get(r.unit).map(|u| u.id.as_str()).unwrap_or("");
        let ke = r
            .dialihkan_ke
            .and_then(|u| skema.units.get(u))
            .map(|u| u.id.as_str())
            .unwrap_or("");
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(sk),
            unit,
            r.tahap,
            r.kursi_awal,
            r.kursi_masuk,
            r.kursi_awal + r.kursi_masuk,
            r.diterima,
            r.sisa,
            ke,
            r.naik_dari_cadangan,
            csv_field(r.kunci_terakhir.as_deref().unwrap_or(""))
        ));
    }
    out
}
