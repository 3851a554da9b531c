//! Invariants over generated inputs: seats always add up, legal bounds hold
//! whenever they can, and checking never panics and is deterministic.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::model::kursi::{feasible, BagianKursi, SkemaKursi, SubKursi};
use juknis::model::{Pembulatan, Persen};
use proptest::prelude::*;

const METHODS: [Pembulatan; 5] = [
    Pembulatan::KeBawah,
    Pembulatan::KeAtas,
    Pembulatan::Terdekat,
    Pembulatan::SisaTerbesar,
    Pembulatan::SesuaiBatas,
];

/// Four jalur quotas (in 1/10 000 %) summing to exactly 100%, with bounds.
fn prepared() -> impl Strategy<Value = (SkemaKursi, usize)> {
    (
        1i64..400_000,
        1i64..400_000,
        1i64..400_000,
        0i64..60_000,
        0usize..5,
        0usize..4,
        1i64..9,
    )
        .prop_map(|(a, b, c, m, method, sisa, split)| {
            let total = a + b + c + m;
            // Scale to exactly 1_000_000 units = 100%.
            let (a, b, m) = (
                a * 1_000_000 / total,
                b * 1_000_000 / total,
                m * 1_000_000 / total,
            );
            let c = 1_000_000 - a - b - m;
            let p = |u: i64| Persen::from_units(u).to_string();
            let half = a * split / 10;
            let j = |id: &str, u: i64, min: Option<&str>, max: Option<&str>, sub: Vec<SubKursi>| {
                BagianKursi {
                    id: id.into(),
                    persen: p(u),
                    minimal_persen: min.map(Into::into),
                    maksimal_persen: max.map(Into::into),
                    sub,
                }
            };
            let subs = vec![
                SubKursi {
                    id: "domisili.a".into(),
                    persen: p(half),
                },
                SubKursi {
                    id: "domisili.b".into(),
                    persen: p(a - half),
                },
            ];
            let s = SkemaKursi {
                pembulatan: METHODS[method],
                sisa_ke: ["domisili", "afirmasi", "prestasi", "mutasi"][sisa].into(),
                sisa_sub: None,
                pembulatan_sub: None,
                jalur: vec![
                    j("domisili", a, Some("30"), None, subs),
                    j("afirmasi", b, Some("30"), None, vec![]),
                    j("prestasi", c, Some("25"), None, vec![]),
                    j("mutasi", m, None, Some("5"), vec![]),
                ],
                varian: Vec::new(),
            };
            (s, method)
        })
}

proptest! {
    #[test]
    fn seats_always_add_up_to_capacity((s, _) in prepared(), n in 1u32..3000) {
        let a = s.alokasi(n);
        let total: u32 = a.jalur.iter().map(|j| j.1).sum();
        prop_assert_eq!(total, n);
        for (_, seats, subs) in &a.jalur {
            if !subs.is_empty() {
                prop_assert_eq!(subs.iter().map(|x| x.1).sum::<u32>(), *seats);
            }
        }
    }

    #[test]
    fn within_bounds_rounding_keeps_every_bound_when_possible((mut s, _) in prepared(), n in 1u32..3000) {
        s.pembulatan = Pembulatan::SesuaiBatas;
        let bounds: Vec<(i64, i64)> = s.jalur.iter().map(|j| {
            let lo = j.minimal_persen.as_deref().and_then(|x| Persen::parse(x).ok()).map(|p| p.of(n).ceil()).unwrap_or(0);
            let hi = j.maksimal_persen.as_deref().and_then(|x| Persen::parse(x).ok()).map(|p| p.of(n).floor()).unwrap_or(i64::from(n));
            (lo, hi)
        }).collect();
        prop_assume!(feasible(i64::from(n), &bounds));
        let a = s.alokasi(n);
        for (i, (_, seats, _)) in a.jalur.iter().enumerate() {
            let seats = i64::from(*seats);
            prop_assert!(seats >= bounds[i].0 && seats <= bounds[i].1, "jalur {} got {} outside {:?} at n={}", i, seats, bounds[i], n);
        }
    }

    #[test]
    fn checking_random_text_never_panics(s in "\\PC{0,400}") {
        let _ = juknis::check_bytes(s.as_bytes());
    }

    #[test]
    fn checking_random_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = juknis::check_bytes(&b);
    }

    /// Any example, with junk inserted anywhere: no panic; the same diagnostics
    /// (codes and lines) when the file has CRLF line ends; and when the mutant
    /// is still clean, its plan loads back and the engine accepts it.
    #[test]
    fn mutated_examples_never_panic_and_keep_their_invariants(idx in any::<proptest::sample::Index>(), cut in 0usize..10_000, junk in "[ {}%,.a-z0-9\"\n]{0,12}") {
        let files = common::examples();
        prop_assert!(files.len() > 100);
        let src = std::fs::read_to_string(idx.get(&files)).unwrap_or_default();
        let at = src.char_indices().map(|(i, _)| i).nth(cut % src.chars().count().max(1)).unwrap_or(0);
        let mutated = format!("{}{}{}", &src[..at], junk, &src[at..]);
        let lines = |text: &str| -> Vec<(String, usize)> {
            let checked = juknis::check_bytes(text.as_bytes());
            let mut v: Vec<(String, usize)> = checked
                .diagnostics
                .iter()
                .map(|d| {
                    let line = d.primary_span().map_or(0, |s| {
                        text.as_bytes()[..s.start.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
                    });
                    (d.code.clone(), line)
                })
                .collect();
            v.sort();
            v
        };
        let lf = lines(&mutated);
        let crlf = lines(&mutated.replace('\n', "\r\n"));
        prop_assert_eq!(&lf, &crlf);
        let checked = juknis::check_bytes(mutated.as_bytes());
        if let Some(j) = checked.juknis.as_ref().filter(|_| checked.errors() == 0) {
            let plan = juknis::compile::compile(j, checked.rulebook, "m.juknis", mutated.as_bytes());
            let back = juknis::plan::load(&plan.to_json());
            prop_assert!(back.is_ok(), "{:?}", back.err());
            if plan.juknis.jenjang != juknis::model::Jenjang::TK {
                prop_assert!(juknis::engine::Prepared::from_plan(&plan).is_ok());
            }
        }
    }
}
