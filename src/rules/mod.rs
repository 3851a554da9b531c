//! The regulation checks, one module per area of Permendikdasmen 3/2025. Each
//! check reads the model and the rulebook's numbers and pushes diagnostics with
//! the rule id as code; `diagnostic::finalize` then sets severity and article from
//! the rulebook entry.

mod cakupan;
pub mod dokumen;
pub mod isian;
mod jadwal;
mod jalur;
mod kapasitas;
mod kewajiban;
mod kewenangan;
pub mod kuota;
mod lanjut;
mod prestasi;
mod syarat;
mod tahun;
mod urutan;
mod usia;
mod wilayah;

use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, Juknis, Persen};
use crate::rulebook::{Aturan, Rulebook, TahunAjaran};
use crate::span::Span;

pub struct Ctx<'a> {
    pub j: &'a Juknis,
    pub rb: &'a Rulebook,
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// The juknis's school year, when it states one.
    pub fn tahun(&self) -> Option<TahunAjaran> {
        self.j.tahun().map(TahunAjaran)
    }
    /// A rule as it holds in the juknis's school year; `None` when it does not
    /// hold then (or the year is unknown and the rule depends on it): the
    /// check that reports it does not run.
    pub fn in_force(&self, code: &str) -> Option<std::borrow::Cow<'_, Aturan>> {
        self.rb.rule_in(code, self.tahun())
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }
    pub fn jenjang(&self) -> Option<Jenjang> {
        self.j.jenjang()
    }
    /// Where the jenjang is written, for secondary labels ("for SMP").
    pub fn jenjang_span(&self) -> Span {
        self.j
            .jenjang
            .as_ref()
            .map(|j| j.span)
            .unwrap_or(self.j.judul.span)
    }
    /// A per-jenjang percentage from the rulebook (e.g. `kuota.domisili_min`).
    pub fn param(map: &std::collections::BTreeMap<String, String>, jj: Jenjang) -> Option<Persen> {
        map.get(jj.as_str()).and_then(|s| Persen::parse(s).ok())
    }
}

/// Run every check. Diagnostics come back unsorted and without severity; call
/// `diagnostic::finalize`.
pub fn check(j: &Juknis, rb: &Rulebook) -> Vec<Diagnostic> {
    let mut c = Ctx {
        j,
        rb,
        out: Vec::new(),
    };
    kewenangan::check(&mut c);
    jalur::check(&mut c);
    kuota::check(&mut c);
    urutan::check(&mut c);
    usia::check(&mut c);
    wilayah::check(&mut c);
    dokumen::check(&mut c);
    dokumen::prestasi(&mut c);
    cakupan::check(&mut c);
    syarat::check(&mut c);
    isian::check(&mut c);
    prestasi::check(&mut c);
    jadwal::check(&mut c);
    lanjut::check(&mut c);
    kewajiban::check(&mut c);
    kapasitas::check(&mut c);
    tahun::check(&mut c);
    c.out
}
