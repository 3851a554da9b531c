//! Pass-through columns (`run --bawa nama,asal_sekolah`): applicant columns
//! the selection never reads but a Dinas publishes beside the result — names
//! above all. They are read in a separate pass over the applicants file, only
//! when asked for, so the selection's own reading stays as lean as it is; a
//! row the main reader set aside gets empty cells here too.

use super::csv::{Records, Table};
use super::{need, nilai, Baris, DataError};
use crate::text::t;

/// The columns carried through and each applicant's cells, by NISN.
#[derive(Debug, Default)]
pub struct Bawa {
    pub kolom: Vec<String>,
    pub nilai: rustc_hash::FxHashMap<String, Vec<String>>,
}

/// Read `kolom` of every row of the applicants file, keyed by normalised NISN.
/// A column that is missing is an error naming it; rows that cannot be read
/// are left out (the main reader reports them).
pub fn read_bawa(
    berkas: &str,
    text: &[u8],
    kolom: &[String],
    batas: &crate::batas::Batas,
) -> Result<Bawa, DataError> {
    let tabel = Table::read(berkas, text, super::MAKS_KOLOM)?;
    let cols = &tabel.kolom;
    let inisn = need(berkas, cols, "nisn", t!("nomor murid", "student id"))?;
    let mut idx = Vec::with_capacity(kolom.len());
    for k in kolom {
        idx.push(need(
            berkas,
            cols,
            k,
            t!("diminta `--bawa`", "asked for by `--bawa`"),
        )?);
    }
    let mut out = Bawa {
        kolom: kolom.to_vec(),
        nilai: rustc_hash::FxHashMap::default(),
    };
    let mut rows = Records::new(&tabel, tabel.isi, tabel.baris_awal, batas.panjang_sel, true);
    let mut kosong = 0u64;
    while let Some(item) = rows.next_row(&mut kosong) {
        let Ok((nomor, sel)) = item else { continue };
        let b = Baris {
            berkas,
            nomor,
            sel,
            cols,
        };
        let Ok(nisn) = b.sel(inisn).map(nilai::nisn) else {
            continue;
        };
        let Ok(nisn) = nisn else { continue };
        let cells = idx
            .iter()
            .map(|&i| b.sel(i).map(str::to_string).unwrap_or_default())
            .collect();
        out.nilai.insert(nisn.to_string(), cells);
    }
    Ok(out)
}
