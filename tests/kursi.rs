//! The seat split every engine must reproduce (`kursi::divide`, docs/plan.md),
//! on cases worked by hand: nearest rounding, a surplus taken from the
//! remainder jalur and then from the others, last declared first, and a
//! remainder index out of range. Whatever the inputs, the seats add up to the
//! capacity and none is negative (the property test in properties.rs covers
//! the whole scheme; these pin down the arithmetic).
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::model::kursi::divide;
use juknis::model::persen::{Seats, SEAT_DEN};
use juknis::model::Pembulatan;

/// `x` seats exactly (x in tenths, to stay exact).
fn seats(tenths: &[i128]) -> Vec<Seats> {
    tenths
        .iter()
        .map(|t| Seats {
            num: t * SEAT_DEN / 10,
        })
        .collect()
}

fn free(k: usize, n: i64) -> Vec<(i64, i64)> {
    vec![(0, n); k]
}

#[test]
fn nearest_rounds_half_up_then_the_remainder_jalur_gives_back() {
    // 3.5 → 4 and 6.5 → 7 make 11 of 10: the remainder jalur (the second)
    // gives one back. Flooring would give 3 and 7.
    let got = divide(10, &seats(&[35, 65]), &free(2, 10), Pembulatan::Terdekat, 1);
    assert_eq!(got, vec![4, 6]);
    // 3.4 → 3, 6.6 → 7: exact.
    let got = divide(10, &seats(&[34, 66]), &free(2, 10), Pembulatan::Terdekat, 0);
    assert_eq!(got, vec![3, 7]);
}

#[test]
fn rounding_down_gives_every_leftover_seat_to_the_remainder_jalur() {
    // Four shares of 2.5: 2 each, two seats left, both to the first.
    let got = divide(
        10,
        &seats(&[25, 25, 25, 25]),
        &free(4, 10),
        Pembulatan::KeBawah,
        0,
    );
    assert_eq!(got, vec![4, 2, 2, 2]);
}

#[test]
fn a_surplus_the_remainder_jalur_cannot_absorb_comes_from_the_last_declared() {
    // Rounded up: 3 + 3 + 3 + 3 + 2 = 14 of 10. The remainder jalur (last)
    // gives its 2, then the fourth gives 2.
    let got = divide(
        10,
        &seats(&[22, 22, 22, 22, 12]),
        &free(5, 10),
        Pembulatan::KeAtas,
        4,
    );
    assert_eq!(got, vec![3, 3, 3, 1, 0]);
}

#[test]
fn a_remainder_index_past_the_end_means_the_last_jalur() {
    let got = divide(10, &seats(&[35, 65]), &free(2, 10), Pembulatan::KeBawah, 7);
    assert_eq!(got, vec![3, 7]);
}

#[test]
fn every_method_adds_up_and_is_never_negative() {
    let cases: &[&[i128]] = &[
        &[35, 65],
        &[25, 25, 25, 25],
        &[22, 22, 22, 22, 12],
        &[1, 1, 98],
    ];
    for raw in cases {
        for m in [
            Pembulatan::KeBawah,
            Pembulatan::KeAtas,
            Pembulatan::Terdekat,
            Pembulatan::SisaTerbesar,
            Pembulatan::SesuaiBatas,
        ] {
            for sisa in 0..raw.len() + 1 {
                let got = divide(10, &seats(raw), &free(raw.len(), 10), m, sisa);
                assert_eq!(got.iter().sum::<i64>(), 10, "{raw:?} {m:?} {sisa}: {got:?}");
                assert!(got.iter().all(|&x| x >= 0), "{raw:?} {m:?} {sisa}: {got:?}");
            }
        }
    }
}

/// `sisa_pembulatan ke domisili.reguler` (issue 15, item 6): domisili takes the
/// leftover of the split into jalur, and reguler that of domisili's split into
/// sub-jalur — sebaran is rounded down. `pembulatan_sub` states the sub-level
/// rounding on its own. Jawa Timur's SMA split (domisili 35 = reguler 20 +
/// sebaran 15) at a school of 30 seats, worked by hand.
#[test]
fn the_leftover_of_a_sub_split_goes_to_the_named_sub_jalur() {
    let base = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap();
    let with = |dt: &str| {
        assert!(base.contains("  daya_tampung { rombel maksimal 36 }\n"));
        let src = base.replace("  daya_tampung { rombel maksimal 36 }", dt);
        let plan = common::plan_of(&src);
        juknis::plan::validate_structure(&plan).unwrap();
        let a = plan.kursi.alokasi(30);
        let dom = a.jalur.iter().find(|j| j.0 == "domisili").unwrap().clone();
        (dom.1, dom.2.iter().map(|s| s.1).collect::<Vec<u32>>())
    };
    // 30 seats: afirmasi 30% = 9, prestasi 30% = 9 (minimums, exact), mutasi
    // 5% = 1.5 → 1 (a maximum: down), domisili the rest: 11. Inside it,
    // reguler 20% of 30 = 6 and sebaran 15% = 4.5.
    // By default the sub-split is largest remainder: 6 + 5 (sebaran's .5).
    let (d, subs) = with("  daya_tampung { rombel maksimal 36 }");
    assert_eq!((d, subs), (11, vec![6, 5]));
    // Named: sebaran rounded down to 4, reguler takes the leftover: 7.
    let (d, subs) =
        with("  daya_tampung { rombel maksimal 36  sisa_pembulatan ke domisili.reguler }");
    assert_eq!((d, subs), (11, vec![7, 4]));
    // The sub-level rounding stated on its own: up for every sub-jalur, 6 and
    // 4.5 → 5, exactly the 11 seats.
    let (d, subs) = with("  daya_tampung { rombel maksimal 36  pembulatan_sub ke_atas }");
    assert_eq!((d, subs), (11, vec![6, 5]));
    // A name that is neither a jalur nor a sub-jalur is reported.
    let bad = base.replace(
        "  daya_tampung { rombel maksimal 36 }",
        "  daya_tampung { rombel maksimal 36  sisa_pembulatan ke domisili.regular }",
    );
    let codes = common::codes(&bad);
    assert!(
        codes.contains(&"nama.tidak_dikenal".to_string()),
        "{codes:?}"
    );
}
