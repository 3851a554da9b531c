//! The value types every stage and every engine reads: percentages (exact,
//! `27,5` accepted for the caller to report, no sign, at most four decimals),
//! their written form, leap years and times of day.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use juknis::model::persen::{ParseError, Persen};
use juknis::model::waktu::{is_leap, Tanggal, Waktu};

#[test]
fn percentages_parse_exactly_or_say_why_not() {
    assert_eq!(Persen::parse("35").unwrap().to_string(), "35");
    assert_eq!(Persen::parse("27.5").unwrap().to_string(), "27.5");
    assert_eq!(Persen::parse("27,5").unwrap().to_string(), "27.5");
    assert_eq!(Persen::parse("0.0001").unwrap().to_string(), "0.0001");
    assert_eq!(Persen::parse("007").unwrap().to_string(), "7");
    for bad in ["", ".5", "3a", "a3", "3.a", "-5", "+5", "3 5", "3.5.1"] {
        assert_eq!(Persen::parse(bad), Err(ParseError::NotANumber), "{bad:?}");
    }
    assert_eq!(Persen::parse("1.00001"), Err(ParseError::TooManyDecimals));
    assert_eq!(Persen::parse("1234567"), Err(ParseError::TooLarge));
}

#[test]
fn zero_and_negative_percentages_are_written_plainly() {
    assert_eq!(Persen::ZERO.to_string(), "0");
    assert_eq!(Persen::whole(0).to_string(), "0");
    assert_eq!((Persen::ZERO - Persen::whole(5)).to_string(), "-5");
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    for y in [2000, 2024, 2028, 2400] {
        assert!(is_leap(y), "{y}");
    }
    for y in [1900, 2025, 2026, 2100] {
        assert!(!is_leap(y), "{y}");
    }
    assert!(Tanggal::parse("2024-02-29").is_ok());
    assert!(Tanggal::parse("2025-02-29").is_err());
}

#[test]
fn times_of_day_run_from_00_00_to_23_59() {
    assert_eq!(Waktu::parse_jam("00:00"), Ok(0));
    assert_eq!(Waktu::parse_jam("23:59"), Ok(23 * 60 + 59));
    assert_eq!(Waktu::parse_jam("08.30"), Ok(8 * 60 + 30));
    for bad in ["24:00", "23:60", "8", "aa:bb", ""] {
        assert!(Waktu::parse_jam(bad).is_err(), "{bad:?}");
    }
}
