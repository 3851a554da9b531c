//! The input limits a user can raise (docs/limits.md lists every limit). The
//! defaults fit every real juknis and a province's applicants; a run that needs
//! more says which limit it hit and how to raise it (`--batas-*` flags).

/// Raisable limits, one value per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batas {
    /// Largest juknis source file, in bytes (`--batas-ukuran`).
    pub ukuran_berkas: usize,
    /// Most data rows in one CSV file (`--batas-baris`).
    pub baris_data: usize,
    /// Most bytes in one CSV cell (`--batas-sel`).
    pub panjang_sel: usize,
    /// Largest CSV data file, in bytes (`--batas-ukuran-data`).
    pub ukuran_data: usize,
}

/// Default largest juknis file: 1 MiB (a real juknis is 5–30 KB).
pub const UKURAN_BERKAS: usize = 1024 * 1024;
/// Default most CSV data rows: 20 million (Indonesia admits about 12 million
/// pupils a year across all jenjang).
pub const BARIS_DATA: usize = 20_000_000;
/// Default most bytes per CSV cell.
pub const PANJANG_SEL: usize = 4096;
/// Default largest CSV data file: 4 GiB (a million applicants take about 130 MB;
/// 20 million rows of 200 bytes fit).
pub const UKURAN_DATA: usize = 4 << 30;

impl Default for Batas {
    fn default() -> Self {
        Batas {
            ukuran_berkas: UKURAN_BERKAS,
            baris_data: BARIS_DATA,
            panjang_sel: PANJANG_SEL,
            ukuran_data: UKURAN_DATA,
        }
    }
}
