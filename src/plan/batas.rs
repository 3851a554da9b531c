//! Counts a plan (and the juknis it comes from) may not exceed. A real juknis
//! has 4–10 jalur and 1–4 waves; these bounds are far above that, and keep the
//! checker (which compares jalur and waves pairwise) and every engine bounded on
//! crafted files. The checker reports them on the juknis (`model::batas`); plan
//! validation enforces them on a plan from anywhere.

/// Jalur and sub-jalur together.
pub const MAKS_JALUR: usize = 64;
pub const MAKS_TAHAP: usize = 32;
/// Selection units with their later rounds (a (sub-)jalur named in several
/// waves is one unit per wave).
pub const MAKS_UNIT: usize = 256;
/// Schools' own splits (`kuota_sekolah`).
pub const MAKS_VARIAN: usize = 256;
pub const MAKS_SKOR: usize = 64;
pub const MAKS_TABEL_POIN: usize = 32;
/// Rows of one points table.
pub const MAKS_BARIS_POIN: usize = 1000;
/// Ranking criteria of one jalur (the engine's own bound, `engine::MAKS_URUTAN`).
pub const MAKS_URUTAN: usize = 9;
/// `syarat` and `dokumen` entries of one jalur.
pub const MAKS_SYARAT: usize = 64;

/// Largest value in a points table: real tables reach 11,000 for national
/// champions; the limit only keeps values far from overflow.
pub const MAKS_POIN: u32 = 1_000_000;
