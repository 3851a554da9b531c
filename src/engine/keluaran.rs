//! Result files: one row per applicant (`hasil.csv`) and one per school and unit
//! (`ringkasan.csv`), in a fixed order so equal inputs give equal bytes.

use super::{Hasil, Sekolah, Skema};
use crate::diagnostic::Lang;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `hasil.csv`: nisn, status, sekolah, jalur, tahap, peringkat, cadangan_sekolah,
/// cadangan_posisi, naik_dari_cadangan, alasan.
pub fn hasil_csv(h: &Hasil, skema: &Skema, sekolah: &[Sekolah], lang: Lang) -> String {
    let mut out = String::with_capacity(h.pendaftar.len() * 64 + 128);
    out.push_str("nisn,status,sekolah,jalur,tahap,peringkat,cadangan_sekolah,cadangan_posisi,naik_dari_cadangan,alasan\n");
    for r in &h.pendaftar {
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
        let tahap = r.tahap.map(|t| t.to_string()).unwrap_or_default();
        let rank = r.peringkat.map(|t| t.to_string()).unwrap_or_default();
        let (cs, cp) = match r.cadangan {
            Some((s, _, p)) => (
                sekolah.get(s as usize).map(|x| x.npsn.clone()).unwrap_or_default(),
                p.to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let naik = if r.naik_dari_cadangan { "ya" } else { "" };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(&r.nisn),
            r.status.as_str(),
            csv_field(sk),
            unit,
            tahap,
            rank,
            csv_field(&cs),
            cp,
            naik,
            csv_field(h.alasan(skema, sekolah, r.alasan).get(lang))
        ));
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
