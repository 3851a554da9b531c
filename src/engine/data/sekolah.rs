//! The schools file: `npsn`, `daya_tampung`, and optionally `nama`, `lintang`,
//! `bujur`, `wilayah` (zone codes, `;`-separated), `layanan` (school kinds the
//! age rule exempts: `pendidikan_khusus`, `layanan_khusus`, `daerah_3t`). Whether the plan needs the
//! coordinates or the zone codes is checked once the applicants' columns are
//! known (`pendaftar.rs`), naming the first school that lacks them.

use super::csv::{Records, Table};
use super::{koordinat, list, masalah, need, terlalu_banyak, Baris, DataError, ModusRusak};
use crate::engine::Sekolah;
use crate::text::t;
use std::collections::BTreeMap;

/// Zone codes and seat-area codes interned in sorted order, so ids do not
/// depend on row order.
pub(super) fn kode_wilayah(sekolah: &[Sekolah]) -> rustc_hash::FxHashMap<&str, u32> {
    let mut codes: Vec<&str> = sekolah
        .iter()
        .flat_map(|s| s.wilayah.iter().chain(s.wilayah_kursi.iter().flatten()))
        .map(String::as_str)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .enumerate()
        .map(|(i, c)| (c, i as u32))
        .collect()
}

/// An NPSN as compared: without spaces or invisible characters.
pub(super) fn npsn(v: &str) -> std::borrow::Cow<'_, str> {
    // Almost every cell is plain ASCII already: no copy then.
    if v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return std::borrow::Cow::Borrowed(v);
    }
    v.chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'))
        })
        .collect::<String>()
        .into()
}

/// Read the schools file. Schools are returned sorted by NPSN.
pub fn read_sekolah(
    berkas: &str,
    text: &[u8],
    modus: ModusRusak,
) -> Result<(Vec<Sekolah>, Vec<DataError>), DataError> {
    read_sekolah_with(berkas, text, modus, &crate::batas::Batas::default())
}

/// `read_sekolah` with other limits.
pub fn read_sekolah_with(
    berkas: &str,
    text: &[u8],
    modus: ModusRusak,
    batas: &crate::batas::Batas,
) -> Result<(Vec<Sekolah>, Vec<DataError>), DataError> {
    let tabel = Table::read(berkas, text, super::MAKS_KOLOM)?;
    let cols = &tabel.kolom;
    let inpsn = need(berkas, cols, "npsn", t!("nomor sekolah", "school id"))?;
    let itampung = need(
        berkas,
        cols,
        "daya_tampung",
        t!("jumlah kursi", "number of seats"),
    )?;
    let inama = cols.iter().position(|c| c == "nama");
    let il = cols.iter().position(|c| c == "lintang");
    let ib = cols.iter().position(|c| c == "bujur");
    let iw = cols.iter().position(|c| c == "wilayah");
    let ilayanan = cols.iter().position(|c| c == "layanan");
    // Seats of one group (TK: `daya_tampung_A`), read where a plan asks.
    let ikursi: Vec<(usize, &String)> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| c.starts_with("daya_tampung_"))
        .collect();
    // Areas a unit's seats are split over, one column per area level.
    let itingkat: Vec<Option<usize>> = crate::plan::TINGKAT_WILAYAH
        .iter()
        .map(|t| cols.iter().position(|c| c == t))
        .collect();
    let mut out: Vec<Sekolah> = Vec::new();
    let mut rusak = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut rows = Records::new(&tabel, tabel.isi, tabel.baris_awal, batas.panjang_sel, true);
    let mut kosong = 0u64;
    loop {
        let item = rows.next_row(&mut kosong);
        let Some(item) = item else { break };
        let (nomor, sel) = match item {
            Ok(x) => x,
            Err(m) if modus == ModusRusak::Lewati => {
                rusak.push(m);
                continue;
            }
            Err(m) => return Err(m),
        };
        if (out.len() + rusak.len()) as u64 + kosong >= batas.baris_data as u64 {
            return Err(terlalu_banyak(berkas, nomor, batas.baris_data));
        }
        let b = Baris {
            berkas,
            nomor,
            sel,
            cols,
        };
        let row = (|| -> Result<Sekolah, DataError> {
            let npsn = npsn(b.wajib(inpsn)?).into_owned();
            if npsn.is_empty() {
                return Err(b.err(inpsn, t!("tidak boleh kosong", "must not be empty")));
            }
            if let Some(first) = seen.get(&npsn) {
                return Err(b
                    .err(
                        inpsn,
                        t!(
                            "NPSN `{npsn}` sudah ada di baris {first}",
                            "NPSN `{npsn}` already on line {first}"
                        ),
                    )
                    .kode("data.ganda"));
            }
            let seats = |i: usize| -> Result<u32, DataError> {
                let dt = b.wajib(i)?;
                dt.parse()
                    .ok()
                    .filter(|n| *n <= 100_000 && dt.bytes().all(|c| c.is_ascii_digit()))
                    .ok_or_else(|| {
                        b.err(
                            i,
                            t!(
                                "`{dt}` bukan bilangan bulat 0–100000",
                                "`{dt}` is not a whole number 0–100000"
                            ),
                        )
                    })
            };
            let daya_tampung = seats(itampung)?;
            let kursi_kolom = ikursi
                .iter()
                .map(|(i, c)| Ok(((*c).clone(), seats(*i)?)))
                .collect::<Result<Vec<_>, DataError>>()?;
            Ok(Sekolah {
                nama: inama
                    .map(|i| b.sel(i))
                    .transpose()?
                    .unwrap_or("")
                    .to_string(),
                daya_tampung,
                lokasi: koordinat(&b, il, ib)?,
                wilayah: iw
                    .map(|i| b.sel(i))
                    .transpose()?
                    .map(|v| list(v).map(str::to_string).collect())
                    .unwrap_or_default(),
                wilayah_id: Vec::new(),
                wilayah_kursi: itingkat
                    .iter()
                    .map(|i| match i {
                        Some(i) => Ok(list(b.sel(*i)?).map(str::to_string).collect()),
                        None => Ok(Vec::new()),
                    })
                    .collect::<Result<_, DataError>>()?,
                wilayah_kursi_id: Vec::new(),
                layanan: match ilayanan {
                    Some(i) => layanan(&b, i)?,
                    None => Vec::new(),
                },
                kursi_kolom,
                baris: nomor,
                npsn,
            })
        })();
        match row {
            Ok(s) => {
                seen.insert(s.npsn.clone(), nomor);
                out.push(s);
            }
            Err(m) if modus == ModusRusak::Lewati => rusak.push(m),
            Err(m) => return Err(m),
        }
    }
    if out.is_empty() && rusak.is_empty() {
        return Err(masalah(
            berkas,
            0,
            None,
            t!(
                "berkas sekolah tanpa baris data",
                "the schools file has no rows"
            ),
        )
        .kode("data.baris"));
    }
    out.sort_by(|a, b| a.npsn.cmp(&b.npsn));
    let ids: std::collections::HashMap<String, u32> = kode_wilayah(&out)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let ids_of = |codes: &[String]| {
        let mut w: Vec<u32> = codes.iter().filter_map(|c| ids.get(c).copied()).collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    for s in &mut out {
        s.wilayah_id = ids_of(&s.wilayah);
        s.wilayah_kursi_id = s.wilayah_kursi.iter().map(|k| ids_of(k)).collect();
    }
    Ok((out, rusak))
}

/// School kinds the age rule knows (Permendikdasmen 3/2025 Pasal 15, FAQ 25).
pub const LAYANAN: &[&str] = &["pendidikan_khusus", "layanan_khusus", "daerah_3t"];

/// The `layanan` cell: known school kinds, `;`-separated; an unknown word is an
/// error naming the known ones (a misspelt kind would silently keep the limits).
fn layanan(b: &Baris, i: usize) -> Result<Vec<String>, DataError> {
    let mut out = Vec::new();
    for v in list(b.sel(i)?) {
        let v = v.to_lowercase();
        if !LAYANAN.contains(&v.as_str()) {
            let known = LAYANAN.join(", ");
            return Err(b.err(
                i,
                t!(
                    "jenis layanan `{v}` tidak dikenal; yang dikenal: {known}",
                    "unknown school kind `{v}`; known: {known}"
                ),
            ));
        }
        out.push(v);
    }
    Ok(out)
}
