//! In-process speed of parse + resolve + check (+ compile) on a ~300-line juknis.
//! Target (issue 2): under 1 ms per file. Run: `cargo bench --bench check`.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// The bundled Jawa Timur SMA juknis padded to ~300 lines with extra score
/// formulas, points tables and comments, the way large real juknis look.
pub fn juknis_300_lines() -> String {
    let base = include_str!("../juknis-examples/sesuai/jatim-sma-2025.juknis");
    let end = base.rfind('}').unwrap_or(base.len());
    let mut s = base[..end].to_string();
    let mut i = 0;
    while s.lines().count() < 295 {
        s += &format!(
            "\n  // Skor tambahan {i} untuk simulasi juknis panjang.\n  skor tambahan_{i} = 50% rapor(semester 1..5, mapel bindo, mtk, bing) + 50% indeks_sekolah_asal\n  poin lomba_{i} {{\n    kabupaten_kota juara_1 30, juara_2 25, juara_3 20\n    provinsi       juara_1 50, juara_2 45, juara_3 40\n    nasional       juara_1 80, juara_2 70, juara_3 60\n    internasional  juara_1 100, juara_2 95, juara_3 90\n  }}\n"
        );
        i += 1;
    }
    s + "}\n"
}

fn bench(c: &mut Criterion) {
    let src = juknis_300_lines();
    let lines = src.lines().count();
    // Load the embedded rulebook once, as a long-running process would.
    let _ = juknis::rulebook::default_rulebook();
    assert_eq!(juknis::check_bytes(src.as_bytes()).errors(), 0);
    c.bench_function(&format!("check {lines}-line juknis"), |b| {
        b.iter(|| juknis::check_bytes(black_box(src.as_bytes())))
    });
    c.bench_function(&format!("check + compile {lines}-line juknis"), |b| {
        b.iter(|| {
            let ch = juknis::check_bytes(black_box(src.as_bytes()));
            ch.juknis
                .as_ref()
                .map(|j| juknis::compile::compile(j, ch.rulebook, "x", src.as_bytes()))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
