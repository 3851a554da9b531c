//! The reference selection engine: runs a compiled plan (`juknis-plan/2`) on a
//! schools file and an applicants file. Every decision comes from the plan —
//! seats from its rounding scheme, eligibility from its syarat and age limits,
//! ranking from its urutan and score formulas, assignment from its mechanism,
//! carry-over from its sisa_kuota — so two engines given the same plan and data
//! must agree with this one. Output is byte-identical for the same inputs,
//! whatever the row order or thread count.

pub mod data;
pub mod output;
pub mod spreadsheet;
pub mod synth;

mod alasan;
mod cadangan;
mod eligibility;
mod facts;
mod hasil;
mod mekanisme;
mod peringkat;
mod prepared;
mod seleksi;

pub use alasan::*;
use cadangan::*;
use eligibility::*;
pub use facts::*;
pub use hasil::*;
pub use peringkat::undian;
use peringkat::*;
pub use prepared::*;
pub use seleksi::*;

use crate::plan::angka::{Angka, Jumlah};
use crate::plan::kursi::KursiSiap;
use crate::plan::{Arah, Cadangan, KriteriaJenis, Mekanisme, Metode, Sumber, Syarat};
use crate::plan::{KriteriaPlan, Plan};
use crate::text::t;
use crate::text::Text;
use rayon::prelude::*;
use smallvec::SmallVec;
use std::collections::{BTreeMap, BinaryHeap};

pub use data::{BarisRusak, DataError, ModusRusak, PendaftarFile};

/// The process's resident memory now and at its peak, in MB, for the phase
/// times `JUKNIS_WAKTU=1` prints (Linux: /proc/self/status; elsewhere empty).
pub fn memory_mb() -> String {
    let Ok(s) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let kb = |key: &str| {
        s.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(0, |v| v / 1024)
    };
    format!(" (rss {} MB, puncak {} MB)", kb("VmRSS:"), kb("VmHWM:"))
}
