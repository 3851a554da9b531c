//! juknis: a language for Indonesia's SPMB admission rules (petunjuk teknis), a
//! checker against Permendikdasmen 3/2025, and a compiler to executable plans.
//!
//! Pipeline: `syntax` (grammar → tree with spans) → `model` (resolved, typed) →
//! `rules` (checks per area of the regulation, numbers from `rulebook`) →
//! `diagnostic` (our type + renderers) → `plan` (what engines load).

// pest without `std` generates code that names `::alloc`.
#[cfg(feature = "checker")]
extern crate alloc;

// Always: the bottom modules and the plan (the `plan` feature).
pub mod atomic;
pub mod batas;
pub mod plan;
pub mod span;
pub mod text;

#[cfg(feature = "engine")]
pub mod engine;

#[cfg(feature = "checker")]
pub mod banding;
#[cfg(feature = "checker")]
pub mod compile;
#[cfg(feature = "checker")]
pub mod diagnostic;
#[cfg(feature = "checker")]
pub mod format;
#[cfg(feature = "checker")]
pub mod kepatuhan;
#[cfg(feature = "checker")]
pub mod model;
#[cfg(feature = "checker")]
pub mod rulebook;
#[cfg(feature = "checker")]
pub mod rules;
#[cfg(feature = "checker")]
pub mod syntax;
#[cfg(feature = "checker")]
pub mod template;
#[cfg(feature = "checker")]
pub mod tinjauan;

#[cfg(feature = "checker")]
mod check;
#[cfg(feature = "checker")]
pub use check::*;
