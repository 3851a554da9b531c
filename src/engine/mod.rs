//! The reference selection engine: runs a compiled plan (`juknis-plan/1`) on a
//! schools file and an applicants file. Every decision comes from the plan —
//! seats from its rounding scheme, eligibility from its syarat and age limits,
//! ranking from its urutan and score formulas, assignment from its mechanism,
//! carry-over from its sisa_kuota — so two engines given the same plan and data
//! must agree with this one. Output is byte-identical for the same inputs,
//! whatever the row order or thread count.

pub mod data;
pub mod keluaran;
pub mod synth;

mod alasan;
mod fakta;
mod hasil;
mod kelayakan;
mod peringkat;
mod seleksi;
mod skema;

pub use alasan::*;
pub use fakta::*;
pub use hasil::*;
use kelayakan::*;
use peringkat::*;
pub use seleksi::*;
pub use skema::*;

use crate::plan::kursi::KursiSiap;
use crate::plan::{Arah, Cadangan, KriteriaJenis, Mekanisme, Metode, Sumber, Syarat};
use crate::plan::{KriteriaPlan, Plan};
use crate::teks::t;
use crate::teks::Teks;
use rayon::prelude::*;
use smallvec::SmallVec;
use std::collections::{BTreeMap, BinaryHeap};

pub use data::{BacaanPendaftar, BarisRusak, Masalah, ModusRusak};
