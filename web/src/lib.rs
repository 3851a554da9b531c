//! The checker for the web page: one call takes a juknis source and returns, as
//! JSON, the same report as `juknis check --format json`, the overview the page
//! draws (quota bars, timeline) and, when there is no error, the compiled plan.
//! Everything runs in the browser: the draft never leaves the user's machine.
//!
//! The interface is plain WebAssembly (no generated glue): the page asks for a
//! buffer with `juknis_alloc`, writes the UTF-8 source into it, calls
//! `juknis_check`, and reads `juknis_hasil_len` bytes from the pointer it got.
//! `juknis_kepatuhan` answers the same way with the conformance report as a
//! printable HTML page (the bytes `juknis kepatuhan --format html` writes).

mod formulir;

use juknis::diagnostic::laporan::{self, Berkas};
use juknis::diagnostic::Lang;
use serde::Serialize;
use std::cell::RefCell;

#[derive(Serialize)]
struct Hasil {
    /// `juknis-laporan/1`, exactly as `juknis check --format json` writes it.
    laporan: serde_json::Value,
    tinjauan: Option<juknis::tinjauan::Tinjauan>,
    /// The `juknis-plan/2` JSON, only when the juknis has no error.
    rencana: Option<String>,
    /// For each code reported, the rule as `juknis explain` states it: title
    /// and explanation in the chosen language (the page shows it under the
    /// diagnostic, offline).
    aturan: std::collections::BTreeMap<String, Penjelasan>,
}

#[derive(Serialize)]
struct Penjelasan {
    judul: String,
    penjelasan: String,
}

/// Check `src` (named `nama` in the report) and answer in `lang`.
pub fn check(nama: &str, src: &[u8], lang: Lang) -> String {
    let checked = juknis::check_bytes(src);
    let text = String::from_utf8_lossy(src).into_owned();
    let files = [Berkas {
        nama,
        sumber: &text,
        diagnostik: &checked.diagnostics,
        diabaikan: &checked.diabaikan,
    }];
    let laporan = serde_json::from_str(&laporan::json(&files, checked.rulebook, lang))
        .unwrap_or(serde_json::Value::Null);
    let tinjauan = checked
        .juknis
        .as_ref()
        .map(|j| juknis::tinjauan::tinjauan(j, checked.rulebook, &text));
    let rencana = checked
        .juknis
        .as_ref()
        .filter(|_| checked.errors() == 0)
        .map(|j| juknis::compile::compile(j, checked.rulebook, nama, src).to_json());
    let tahun = checked
        .juknis
        .as_ref()
        .and_then(|j| j.tahun())
        .map(juknis::rulebook::TahunAjaran);
    let aturan = checked
        .diagnostics
        .iter()
        .filter_map(|d| {
            let r = checked.rulebook.rule_as_of(&d.code, tahun)?;
            Some((
                d.code.clone(),
                Penjelasan {
                    judul: r.judul.get(lang).to_string(),
                    penjelasan: r.penjelasan.get(lang).to_string(),
                },
            ))
        })
        .collect();
    serde_json::to_string(&Hasil {
        laporan,
        tinjauan,
        rencana,
        aturan,
    })
    .unwrap_or_else(|e| format!("{{\"galat\":\"{e}\"}}"))
}

/// The conformance report of `src` (named `nama`) as its HTML page.
pub fn kepatuhan_html(nama: &str, src: &[u8], lang: Lang) -> String {
    let checked = juknis::check_bytes(src);
    let report = juknis::kepatuhan::build(nama, src, &checked, lang);
    juknis::kepatuhan::html::render(&report)
}

thread_local! {
    static HASIL: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the page to write into; give it back with
/// `juknis_free`.
#[no_mangle]
pub extern "C" fn juknis_alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len.max(1));
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Free a buffer from `juknis_alloc`.
///
/// # Safety
/// `p` and `len` must be a pointer and length `juknis_alloc` returned.
#[no_mangle]
pub unsafe extern "C" fn juknis_free(p: *mut u8, len: usize) {
    // SAFETY: the caller passes back what juknis_alloc gave out.
    drop(unsafe { Vec::from_raw_parts(p, 0, len.max(1)) });
}

/// An export of the page's interface: it reads the `len` bytes at `p` (a file
/// named by the `nama_len` bytes at `nama`; `en` = 1 for English) and returns a
/// pointer to its answer, valid until the next call; its length is
/// `juknis_hasil_len()`.
macro_rules! export {
    ($(#[$doc:meta])* $name:ident => $f:path) => {
        $(#[$doc])*
        ///
        /// # Safety
        /// `p`/`len` and `nama`/`nama_len` must be buffers from `juknis_alloc`
        /// filled by the caller.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            nama: *const u8,
            nama_len: usize,
            p: *const u8,
            len: usize,
            en: u32,
        ) -> *const u8 {
            // SAFETY: the caller's promise above is passed on unchanged.
            unsafe { answer((nama, nama_len), (p, len), en, $f) }
        }
    };
}

export!(
    /// The check: the JSON answer `Hasil`.
    juknis_check => check
);
export!(
    /// The conformance report as its HTML page.
    juknis_kepatuhan => kepatuhan_html
);
export!(
    /// The guided form's questions (`src` = "SMP 2027"), as JSON.
    juknis_pertanyaan => formulir::pertanyaan
);
export!(
    /// The juknis text written from the form's answers (`src` = JSON
    /// `{jenjang, tahun, jawaban}`), as JSON `{teks}` or `{galat}`.
    juknis_templat => formulir::templat
);
export!(
    /// The form's answers read back from a juknis text, as JSON.
    juknis_jawaban => formulir::jawaban
);
export!(
    /// The text in the canonical layout (`juknis fmt`), as JSON `{teks}` or `{galat}`.
    juknis_fmt => formulir::fmt
);

/// Read the two buffers, run `f`, keep its answer for `juknis_hasil_len`.
///
/// # Safety
/// Both (pointer, length) pairs must be buffers from `juknis_alloc` filled by
/// the caller.
unsafe fn answer(
    (nama, nama_len): (*const u8, usize),
    (p, len): (*const u8, usize),
    en: u32,
    f: fn(&str, &[u8], Lang) -> String,
) -> *const u8 {
    // SAFETY: the caller wrote these buffers (see above).
    let (nama, src) = unsafe {
        (
            std::slice::from_raw_parts(nama, nama_len),
            std::slice::from_raw_parts(p, len),
        )
    };
    let lang = if en == 1 { Lang::En } else { Lang::Id };
    let out = f(&String::from_utf8_lossy(nama), src, lang);
    HASIL.with(|h| {
        let mut h = h.borrow_mut();
        *h = out.into_bytes();
        h.as_ptr()
    })
}

#[no_mangle]
pub extern "C" fn juknis_hasil_len() -> usize {
    HASIL.with(|h| h.borrow().len())
}
