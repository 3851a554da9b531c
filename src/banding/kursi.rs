//! Seats per jalur and sub-jalur at typical capacities under each juknis,
//! computed as the plan computes them (rounding included).

use super::{BarisKursi, Berkas};

/// Capacities the seat table shows, in rombel of the jenjang's maximum size.
const ROMBEL_CONTOH: [u32; 3] = [1, 3, 9];

/// Seats per jalur and sub-jalur at typical capacities, when both compile.
pub(super) fn seats(lama: &Berkas, baru: &Berkas) -> Vec<BarisKursi> {
    let plan = |b: &Berkas| {
        let j = b
            .checked
            .juknis
            .as_ref()
            .filter(|_| b.checked.errors() == 0)?;
        Some(crate::compile::compile(
            j,
            b.checked.rulebook,
            b.nama,
            b.bytes,
        ))
    };
    let (Some(pl), Some(pb)) = (plan(lama), plan(baru)) else {
        return Vec::new();
    };
    let rombel = baru
        .checked
        .juknis
        .as_ref()
        .and_then(|j| {
            j.daya_tampung.rombel.as_ref().map(|r| r.node).or_else(|| {
                j.jenjang().and_then(|jj| {
                    baru.checked
                        .rulebook
                        .parameter
                        .rombel_maksimal
                        .get(jj.as_str())
                        .copied()
                })
            })
        })
        .unwrap_or(36);
    let caps: Vec<u32> = ROMBEL_CONTOH.iter().map(|n| n * rombel).collect();
    let table = |p: &crate::plan::Plan| -> Vec<(String, Vec<u32>)> {
        let per_cap: Vec<_> = caps.iter().map(|c| p.kursi.alokasi(*c)).collect();
        let mut rows: Vec<(String, Vec<u32>)> = Vec::new();
        for (i, (id, _, subs)) in per_cap
            .first()
            .map(|a| a.jalur.clone())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            rows.push((
                id.clone(),
                per_cap
                    .iter()
                    .map(|a| a.jalur.get(i).map(|x| x.1).unwrap_or(0))
                    .collect(),
            ));
            for (k, (sid, _)) in subs.iter().enumerate() {
                rows.push((
                    sid.clone(),
                    per_cap
                        .iter()
                        .map(|a| {
                            a.jalur
                                .get(i)
                                .and_then(|x| x.2.get(k))
                                .map(|x| x.1)
                                .unwrap_or(0)
                        })
                        .collect(),
                ));
            }
        }
        rows
    };
    let (tl, tb) = (table(&pl), table(&pb));
    let mut out: Vec<BarisKursi> = Vec::new();
    for (id, v) in &tb {
        let old = tl.iter().find(|(x, _)| x == id).map(|(_, v)| v.clone());
        out.push(BarisKursi {
            jalur: id.clone(),
            daya_tampung: caps.clone(),
            lama: old,
            baru: Some(v.clone()),
        });
    }
    for (id, v) in &tl {
        if !tb.iter().any(|(x, _)| x == id) {
            out.push(BarisKursi {
                jalur: id.clone(),
                daya_tampung: caps.clone(),
                lama: Some(v.clone()),
                baru: None,
            });
        }
    }
    out
}
