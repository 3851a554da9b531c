//! The input rows as the engine holds them (schools, applicants) and the
//! school-independent facts: distance between two points, civil dates, age in
//! whole months. Reads no plan field.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Sekolah {
    pub npsn: String,
    pub nama: String,
    pub daya_tampung: u32,
    /// (lintang, bujur) in degrees.
    pub lokasi: Option<(f64, f64)>,
    /// Area codes of the school's zone (kelurahan/desa/kecamatan codes).
    pub wilayah: Vec<String>,
    /// The same codes interned (see `data::read_pendaftar`), sorted.
    pub wilayah_id: Vec<u32>,
    /// Per area level (`plan::TINGKAT_WILAYAH` order; empty when the file has
    /// no such column): the codes of the areas a unit's seats are split over
    /// (`per`), from the schools-file column named after the level.
    pub wilayah_kursi: Vec<Vec<String>>,
    /// The same codes interned like `wilayah_id`, sorted, without repeats.
    pub wilayah_kursi_id: Vec<Vec<u32>>,
    /// What kind of school it is where that matters to the age rule
    /// (`layanan` column: `pendidikan_khusus`, `layanan_khusus`, `daerah_3t`).
    pub layanan: Vec<String>,
    /// Seats from the file's `daya_tampung_X` columns (TK age groups), by
    /// column name.
    pub kursi_kolom: Vec<(String, u32)>,
    /// Line in the schools file.
    pub baris: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pendaftar {
    pub nisn: compact_str::CompactString,
    /// Line in the applicants file.
    pub baris: u64,
    /// Units (jalur or sub-jalur) registered for, at most one per wave.
    pub jalur: SmallVec<[u16; 2]>,
    /// Chosen schools (indexes into the sorted schools), in order of preference.
    pub pilihan: SmallVec<[u32; 4]>,
    /// Whole metres to each chosen school; `u32::MAX` when unknown.
    pub jarak: SmallVec<[u32; 4]>,
    /// Birth date, days since 1970-01-01.
    pub lahir: Option<i64>,
    /// Registration time, seconds since 1970-01-01.
    pub waktu_daftar: Option<i64>,
    /// Area codes where the applicant lives, interned against the schools'
    /// codes (codes no school has are dropped: they can never match).
    pub wilayah: SmallVec<[u32; 2]>,
    /// Bit k set: has the plan's k-th status.
    pub status: u64,
    /// A teacher's child: the school (index) where the parent teaches.
    pub sekolah_ortu: Option<u32>,
    /// Numeric inputs in `Prepared::kolom_angka` order, then one points value per
    /// points table, in millionths (exact: `85.5` is 85 500 000); `KOSONG`
    /// (`i64::MIN`) when the cell was empty. Then, only when a ranking reads
    /// them, the verification time (seconds since 1970-01-01) and the
    /// registration number (`Prepared::slot_verifikasi`, `slot_nomor`): most
    /// plans never read them, so they cost nothing per applicant there.
    pub nilai: SmallVec<[i64; 4]>,
}

/// Great-circle distance in whole metres (haversine, mean Earth radius
/// 6,371,008.8 m, rounded half up).
pub fn jarak_m(a: (f64, f64), b: (f64, f64)) -> u32 {
    const R: f64 = 6_371_008.8;
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    let d = 2.0 * R * h.sqrt().min(1.0).asin();
    (d + 0.5).floor().clamp(0.0, f64::from(u32::MAX - 1)) as u32
}

/// Civil date of a day count (days since 1970-01-01).
pub fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Whole months from birth to the reference date.
/// Seconds since 1970-01-01 as `YYYY-MM-DD HH:MM:SS`.
pub fn datetime(t: i64) -> String {
    let (y, m, d) = civil(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

pub(super) fn umur_bulan(lahir: i64, acuan: i64) -> i64 {
    let (by, bm, bd) = civil(lahir);
    let (ay, am, ad) = civil(acuan);
    (ay - by) * 12 + i64::from(am) - i64::from(bm) - i64::from(ad < bd)
}
