//! Result files: one row per applicant (`hasil.csv`) and one per school and unit
//! (`ringkasan.csv`), in a fixed order so equal inputs give equal bytes.

use super::{Hasil, Prepared, Sekolah};
use crate::text::Lang;

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
/// cadangan_posisi, naik_dari_cadangan, alasan, seri.
pub fn hasil_csv(h: &Hasil, prepared: &Prepared, sekolah: &[Sekolah], lang: Lang) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_hasil(h, prepared, sekolah, lang, None, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Rows per piece rendered by one thread.
const POTONGAN: usize = 16_384;

/// Write `hasil.csv` to `w`. Pieces of rows are rendered in parallel, a batch at
/// a time, while another thread writes the previous batch: the file is never
/// held whole in memory, and the rendering overlaps the kernel's copying. The
/// pieces are written in order, so the bytes do not depend on the threads.
/// With `bawa`, its columns follow `seri`, each applicant's cells from it.
pub fn write_hasil<W: std::io::Write + ?Sized>(
    h: &Hasil,
    prepared: &Prepared,
    sekolah: &[Sekolah],
    lang: Lang,
    bawa: Option<&super::data::Bawa>,
    w: &mut W,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut head = String::from("nisn,status,sekolah,jalur,tahap,peringkat,cadangan_sekolah,cadangan_posisi,naik_dari_cadangan,alasan,seri");
    if !h.kunci.is_empty() {
        head.push_str(",kunci");
    }
    for k in bawa.map(|b| b.kolom.as_slice()).unwrap_or(&[]) {
        head.push(',');
        push_field(&mut head, k);
    }
    head.push('\n');
    w.write_all(head.as_bytes())?;
    let batch = POTONGAN * rayon::current_num_threads().max(1) * 2;
    // Many applicants share a reason (outranked at the same school): each
    // distinct one is rendered once, up front, for all pieces.
    let beda: Vec<super::Alasan> = h
        .pendaftar
        .par_iter()
        .fold(rustc_hash::FxHashSet::default, |mut set, r| {
            if r.alasan != super::Alasan::Kosong {
                set.insert(r.alasan);
            }
            set
        })
        .reduce(rustc_hash::FxHashSet::default, |mut a, b| {
            a.extend(b);
            a
        })
        .into_iter()
        .collect();
    let teks: rustc_hash::FxHashMap<super::Alasan, String> = beda
        .into_par_iter()
        .map(|a| (a, csv_field(h.alasan(prepared, sekolah, a).get(lang))))
        .collect();
    let teks = &teks;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(1);
        scope.spawn(move || {
            for rows in h.pendaftar.chunks(batch) {
                let pieces: Vec<Vec<u8>> = rows
                    .par_chunks(POTONGAN)
                    .map(|rows| baris_hasil(teks, sekolah, prepared, (&h.kunci, bawa), rows))
                    .collect();
                // The writer stopped on an error, returned below.
                if tx.send(pieces).is_err() {
                    break;
                }
            }
        });
        for pieces in rx {
            for p in pieces {
                w.write_all(&p)?;
            }
        }
        w.flush()
    })
}

fn baris_hasil(
    teks: &rustc_hash::FxHashMap<super::Alasan, String>,
    sekolah: &[Sekolah],
    prepared: &Prepared,
    (kunci, bawa): (
        &rustc_hash::FxHashMap<String, String>,
        Option<&super::data::Bawa>,
    ),
    rows: &[super::HasilPendaftar],
) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(rows.len() * 160);
    for r in rows {
        let sk = r
            .sekolah
            .and_then(|s| sekolah.get(s as usize))
            .map(|s| s.npsn.as_str())
            .unwrap_or("");
        let unit = r
            .unit
            .and_then(|u| prepared.units.get(u))
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
            push_field(
                &mut out,
                sekolah
                    .get(s as usize)
                    .map(|x| x.npsn.as_str())
                    .unwrap_or(""),
            );
            let _ = write!(out, ",{p}");
        } else {
            out.push(',');
        }
        out.push(',');
        if r.naik_dari_cadangan {
            out.push_str("ya");
        }
        out.push(',');
        if let Some(text) = teks.get(&r.alasan) {
            out.push_str(text);
        }
        out.push(',');
        if r.seri {
            out.push_str("ya");
        }
        if !kunci.is_empty() {
            out.push(',');
            if let Some(k) = kunci.get(r.nisn.as_str()) {
                push_field(&mut out, k);
            }
        }
        push_bawa(&mut out, bawa, &r.nisn);
        out.push('\n');
    }
    out.into_bytes()
}

/// The pass-through cells of one applicant (empty when the row was set aside).
fn push_bawa(out: &mut String, bawa: Option<&super::data::Bawa>, nisn: &str) {
    let Some(b) = bawa else { return };
    let cells = b.nilai.get(nisn);
    for i in 0..b.kolom.len() {
        out.push(',');
        if let Some(v) = cells.and_then(|c| c.get(i)) {
            push_field(out, v);
        }
    }
}

/// A summary row's school NPSN and unit id.
fn names<'a>(
    prepared: &'a Prepared,
    sekolah: &'a [Sekolah],
    s: u32,
    u: usize,
) -> (&'a str, &'a str) {
    (
        sekolah.get(s as usize).map_or("", |s| s.npsn.as_str()),
        prepared.units.get(u).map_or("", |u| u.id.as_str()),
    )
}

/// `ringkasan.csv`: per school and unit — seats from capacity, seats carried in,
/// accepted, unfilled, where the unfilled went, and the last accepted key.
pub fn ringkasan_csv(h: &Hasil, prepared: &Prepared, sekolah: &[Sekolah]) -> String {
    let mut out = String::from(
        "sekolah,jalur,tahap,kursi_awal,kursi_masuk,kursi,diterima,sisa,dialihkan_ke,dilepas,naik_dari_cadangan,dilepas_dialihkan,kosong,kunci_terakhir\n",
    );
    for r in &h.ringkasan {
        let (sk, unit) = names(prepared, sekolah, r.sekolah, r.unit);
        let ke = r
            .dialihkan_ke
            .and_then(|u| prepared.units.get(u))
            .map(|u| u.id.as_str())
            .unwrap_or("");
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(sk),
            unit,
            r.tahap,
            r.kursi_awal,
            r.kursi_masuk,
            r.kursi_awal + r.kursi_masuk,
            r.diterima,
            r.sisa,
            ke,
            r.dilepas,
            r.naik_dari_cadangan,
            r.dilepas_dialihkan,
            r.kosong,
            csv_field(r.kunci_terakhir.as_deref().unwrap_or(""))
        ));
    }
    out
}

/// `ringkasan_wilayah.csv`, for a plan that splits seats by area (`per`): per
/// school, unit and area — the area's seats, accepted (after re-registration),
/// unfilled, released, moved up, and the last accepted key there. `None` when
/// the plan splits no unit.
pub fn ringkasan_wilayah_csv(
    h: &Hasil,
    prepared: &Prepared,
    sekolah: &[Sekolah],
) -> Option<String> {
    if prepared.perlu_wilayah_kursi.is_empty() {
        return None;
    }
    let mut out = String::from(
        "sekolah,jalur,wilayah,kursi,diterima,sisa,dilepas,naik_dari_cadangan,kunci_terakhir\n",
    );
    for r in &h.ringkasan_wilayah {
        let (sk, unit) = names(prepared, sekolah, r.sekolah, r.unit);
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            csv_field(sk),
            unit,
            csv_field(&r.kode),
            r.kursi,
            r.diterima,
            r.sisa,
            r.dilepas,
            r.naik_dari_cadangan,
            csv_field(r.kunci_terakhir.as_deref().unwrap_or(""))
        ));
    }
    Some(out)
}

/// The file name of a school's result file (`run --per-sekolah`): its NPSN when
/// that is letters, digits, `-` or `_` only, else `baris-N` after its line in
/// the schools file — a name from the data never leaves the folder.
pub fn nama_berkas_sekolah(s: &Sekolah) -> String {
    let aman = !s.npsn.is_empty()
        && s.npsn.len() <= 64
        && s.npsn
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if aman {
        format!("{}.csv", s.npsn)
    } else {
        format!("baris-{}.csv", s.baris)
    }
}

/// Per school (`run --per-sekolah`, one file each, schools in NPSN order): the
/// accepted in unit and rank order (moved up from a reserve list, or not
/// re-registered, included), then each unit's whole reserve list in
/// position order — everyone on it not accepted at this school, with the school
/// where they hold a seat now (`diterima_di`), since a seat freed here would
/// still move them up. The lists come from `RunOptions::daftar_cadangan`;
/// without it, each applicant appears only at their best reserve place.
pub fn per_sekolah_csv(
    h: &Hasil,
    prepared: &Prepared,
    sekolah: &[Sekolah],
    bawa: Option<&super::data::Bawa>,
) -> Vec<String> {
    use std::fmt::Write as _;
    let mut diterima: Vec<Vec<&super::HasilPendaftar>> = vec![Vec::new(); sekolah.len()];
    let mut cadangan: Vec<Vec<(usize, u32, &super::HasilPendaftar)>> =
        vec![Vec::new(); sekolah.len()];
    // Each applicant's own row, by NISN (rows set aside are not on any list).
    let by_nisn: rustc_hash::FxHashMap<&str, &super::HasilPendaftar> = h
        .pendaftar
        .iter()
        .filter(|r| r.status != super::Status::DataTidakSah)
        .map(|r| (r.nisn.as_str(), r))
        .collect();
    for r in &h.pendaftar {
        if let Some(s) = r.sekolah {
            if let Some(v) = diterima.get_mut(s as usize) {
                v.push(r);
            }
        } else if let (super::Status::Cadangan, Some((s, u, pos)), true) =
            (r.status, r.cadangan, h.daftar_cadangan.is_empty())
        {
            if let Some(v) = cadangan.get_mut(s as usize) {
                v.push((u as usize, pos, r));
            }
        }
    }
    for (s, u, list) in &h.daftar_cadangan {
        let Some(v) = cadangan.get_mut(*s as usize) else {
            continue;
        };
        for (pos, nisn) in list.iter().enumerate() {
            let Some(r) = by_nisn.get(nisn.as_str()) else {
                continue;
            };
            if r.sekolah == Some(*s) {
                continue;
            }
            v.push((*u, pos as u32 + 1, r));
        }
    }
    let unit = |u: Option<usize>| {
        u.and_then(|u| prepared.units.get(u))
            .map(|u| u.id.as_str())
            .unwrap_or("")
    };
    let mut out = Vec::with_capacity(sekolah.len());
    for (acc, res) in diterima.iter_mut().zip(cadangan.iter_mut()) {
        acc.sort_by_key(|r| (r.unit, r.peringkat.is_none(), r.peringkat, r.nisn.clone()));
        res.sort_by_key(|(u, pos, _)| (*u, *pos));
        let mut f = String::from(
            "nisn,status,jalur,tahap,peringkat,cadangan_posisi,naik_dari_cadangan,seri,diterima_di",
        );
        for k in bawa.map(|b| b.kolom.as_slice()).unwrap_or(&[]) {
            f.push(',');
            push_field(&mut f, k);
        }
        f.push('\n');
        for r in acc.iter() {
            push_field(&mut f, &r.nisn);
            let _ = write!(f, ",{},{},", r.status.as_str(), unit(r.unit));
            if let Some(t) = r.tahap {
                let _ = write!(f, "{t}");
            }
            f.push(',');
            if let Some(p) = r.peringkat {
                let _ = write!(f, "{p}");
            }
            f.push_str(",,");
            if r.naik_dari_cadangan {
                f.push_str("ya");
            }
            f.push(',');
            if r.seri {
                f.push_str("ya");
            }
            f.push(',');
            push_bawa(&mut f, bawa, &r.nisn);
            f.push('\n');
        }
        for (u, pos, r) in res.iter() {
            push_field(&mut f, &r.nisn);
            let tahap = prepared.units.get(*u).map(|x| x.tahap).unwrap_or(0);
            let _ = write!(f, ",cadangan,{},{tahap},,{pos},,", unit(Some(*u)));
            if r.seri {
                f.push_str("ya");
            }
            f.push(',');
            if let (super::Status::Diterima, Some(s)) = (r.status, r.sekolah) {
                push_field(
                    &mut f,
                    sekolah.get(s as usize).map_or("", |x| x.npsn.as_str()),
                );
            }
            push_bawa(&mut f, bawa, &r.nisn);
            f.push('\n');
        }
        out.push(f);
    }
    out
}
