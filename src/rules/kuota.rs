//! Quotas: per-jalur minimums and maximum, the exact 100% total, sub-quota sums,
//! and whether the declared rounding keeps every bound at every school size.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, Juknis, Pembulatan, Persen};
use crate::plan::kursi::{feasible, BagianKursi, SkemaKursi, SubKursi, VarianKursi};
use crate::rulebook::Rulebook;
use crate::span::Span;
use crate::t;

/// The regulation's (minimum, maximum) for a national jalur at a jenjang with
/// national jalur (SD, SMP, SMA; SMK's bounds are warnings, in `jalur::smk`).
fn batas(rb: &Rulebook, jj: Jenjang, jalur: &str) -> (Option<Persen>, Option<Persen>) {
    let k = &rb.parameter.kuota;
    match jalur {
        "domisili" => (Ctx::param(&k.domisili_min, jj), None),
        "afirmasi" => (Ctx::param(&k.afirmasi_min, jj), None),
        "prestasi" => (Ctx::param(&k.prestasi_min, jj), None),
        "mutasi" => (None, Ctx::param(&k.mutasi_max, jj)),
        _ => (None, None),
    }
}

/// The seat scheme of a juknis: the plan carries it and the engine runs it.
pub fn skema_kursi(j: &Juknis, rb: &Rulebook) -> SkemaKursi {
    let jj = j.jenjang().unwrap_or(Jenjang::SMA);
    let jalur = j
        .jalur
        .iter()
        .map(|jl| {
            // Only the regulation's own bounds (SD/SMP/SMA) shape the seats: SMK's
            // bounds come from a secondary source and only warn, so the seats
            // follow the juknis as written.
            let (min, max) = if jj.has_national_jalur() {
                batas(rb, jj, &jl.id)
            } else {
                (None, None)
            };
            BagianKursi {
                id: jl.id.clone(),
                persen: jl
                    .kuota
                    .as_ref()
                    .map(|k| k.node)
                    .unwrap_or_default()
                    .to_string(),
                minimal_persen: min.map(|p| p.to_string()),
                maksimal_persen: max.map(|p| p.to_string()),
                sub: jl
                    .sub
                    .iter()
                    .map(|s| SubKursi {
                        id: s.id.clone(),
                        persen: s
                            .kuota
                            .as_ref()
                            .map(|k| k.node)
                            .unwrap_or_default()
                            .to_string(),
                    })
                    .collect(),
            }
        })
        .collect();
    // `sisa_pembulatan ke domisili.reguler`: the jalur takes the leftover of the
    // split into jalur, the sub-jalur that of its jalur's split.
    let sisa_sub = j
        .daya_tampung
        .sisa_ke
        .as_ref()
        .filter(|s| j.jalur.iter().flat_map(|x| &x.sub).any(|x| x.id == s.node))
        .map(|s| s.node.clone());
    let varian = j
        .kuota_sekolah
        .iter()
        .filter(|v| !v.node.sekolah.is_empty())
        .map(|v| VarianKursi {
            sekolah: v.node.sekolah.iter().map(|s| s.node.clone()).collect(),
            dasar: v.node.dasar.as_ref().map(|d| d.node.clone()),
            jalur: skema_kursi(&j.with_quotas_of(&v.node), rb).jalur,
        })
        .collect();
    SkemaKursi {
        pembulatan: j.daya_tampung.pembulatan.node,
        sisa_ke: leftover_target(j),
        sisa_sub,
        pembulatan_sub: j.daya_tampung.pembulatan_sub.as_ref().map(|p| p.node),
        jalur,
        varian,
    }
}

/// Who absorbs rounding leftovers: as declared, else domisili, else the largest.
pub fn leftover_target(j: &Juknis) -> String {
    if let Some(s) = &j.daya_tampung.sisa_ke {
        // A sub-jalur named: its jalur takes the jalur-level leftover.
        if let Some(x) = j
            .jalur
            .iter()
            .find(|x| x.sub.iter().any(|y| y.id == s.node))
        {
            return x.id.clone();
        }
        return s.node.clone();
    }
    if j.jalur("domisili").is_some() {
        return "domisili".into();
    }
    j.jalur
        .iter()
        .max_by_key(|x| x.kuota.as_ref().map(|k| k.node))
        .map(|x| x.id.clone())
        .unwrap_or_default()
}

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if jj == Jenjang::TK || c.j.jalur.is_empty() {
        return;
    }
    split(c, jj);
    variants(c, jj);
}

/// Each school's own split (`kuota_sekolah`) is checked as the juknis's split
/// is: the same bounds, total, sub-quota sums and rounding, with the variant's
/// percentages in place. A problem the variant inherits unchanged from the main
/// split is reported once, there; one only the variant has is reported in it.
fn variants(c: &mut Ctx, jj: Jenjang) {
    let seen: Vec<(String, String)> = c
        .out
        .iter()
        .map(|d| (d.code.clone(), d.message.id.clone()))
        .collect();
    for v in &c.j.kuota_sekolah {
        let (span, kepala) = (v.span, v.node.kepala);
        let daftar: Vec<&str> = v.node.sekolah.iter().map(|s| s.node.as_str()).collect();
        let daftar = daftar.join(", ");
        if v.node.kuota.is_empty() || v.node.sekolah.is_empty() {
            c.push(
                Diagnostic::new(
                    "konsistensi.kuota_sekolah",
                    t!(
                        "kuota_sekolah tanpa sekolah atau tanpa kuota",
                        "kuota_sekolah without schools or without quotas"
                    ),
                )
                .at(kepala, None)
                .help(t!(
                    "sebut NPSN sekolahnya dan kuota yang berbeda: `kuota_sekolah \"20500001\" {{ domisili 40%  prestasi 25% }}`",
                    "name the schools' NPSN and the quotas that differ: `kuota_sekolah \"20500001\" {{ domisili 40%  prestasi 25% }}`"
                )),
            );
            continue;
        }
        for s in &v.node.sekolah {
            if let Some(d) = c.j.dikecualikan.iter().find(|d| d.node.npsn.node == s.node) {
                let n = &s.node;
                c.push(
                    Diagnostic::new(
                        "konsistensi.kuota_sekolah",
                        t!(
                            "sekolah {n} dikecualikan dari jalur, jadi tidak punya kuota jalur",
                            "school {n} is excepted from the jalur, so it has no jalur quotas"
                        ),
                    )
                    .at(s.span, None)
                    .also(
                        d.node.npsn.span,
                        t!("dikecualikan di sini", "excepted here"),
                    )
                    .help(t!(
                        "hapus sekolah {n} dari kuota_sekolah, atau dari `dikecualikan`",
                        "remove school {n} from kuota_sekolah, or from `dikecualikan`"
                    )),
                );
            }
        }
        let jv = c.j.with_quotas_of(&v.node);
        let mut cv = Ctx {
            j: &jv,
            rb: c.rb,
            out: Vec::new(),
        };
        split(&mut cv, jj);
        for mut d in cv.out {
            let inside = d
                .primary_span()
                .is_some_and(|p| p.start >= span.start && p.end <= span.end);
            if !inside {
                if seen.contains(&(d.code.clone(), d.message.id.clone())) {
                    continue;
                }
                for l in &mut d.labels {
                    l.primary = false;
                }
            }
            let label = t!("kuota sekolah {daftar}", "the quotas of school {daftar}");
            c.push(if inside {
                d.also(kepala, label)
            } else {
                d.at(kepala, Some(label))
            });
        }
    }
}

/// The quota checks on one split: the juknis's own, or a school's variant.
fn split(c: &mut Ctx, jj: Jenjang) {
    let jn = jj.as_str();
    if jj.has_national_jalur() {
        for jl in &c.j.jalur {
            let Some(q) = &jl.kuota else { continue };
            let (min, max) = batas(c.rb, jj, &jl.id);
            let n = &jl.id;
            if let Some(m) = min.filter(|m| q.node < *m) {
                let v = q.node;
                c.push(
                    Diagnostic::new(
                        &format!("kuota.{n}.min"),
                        t!(
                            "kuota {n} {v}% di bawah minimum {m}% untuk {jn}",
                            "{n} quota {v}% is below the {m}% minimum for {jn}"
                        ),
                    )
                    .at(q.span, Some(t!("kurang dari {m}%", "less than {m}%")))
                    .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
                    .help(t!(
                        "naikkan kuota {n} menjadi paling sedikit {m}%",
                        "raise the {n} quota to at least {m}%"
                    )),
                );
            }
            if let Some(m) = max.filter(|m| q.node > *m) {
                let v = q.node;
                c.push(
                    Diagnostic::new(
                        &format!("kuota.{n}.max"),
                        t!(
                            "kuota {n} {v}% melebihi maksimum {m}%",
                            "{n} quota {v}% exceeds the {m}% maximum"
                        ),
                    )
                    .at(q.span, Some(t!("lebih dari {m}%", "more than {m}%")))
                    .help(t!(
                        "turunkan kuota {n} menjadi paling banyak {m}%",
                        "lower the {n} quota to at most {m}%"
                    )),
                );
            }
        }
    }
    total(c, jj);
    sub_kuota(c);
    if jj.has_national_jalur() {
        pembulatan(c, jj);
        cap_sisa(c, jj);
    }
}

/// mutasi.cap.sisa: carry-over into a jalur with a maximum can push it past the
/// maximum when every seat of the sources goes unfilled.
fn cap_sisa(c: &mut Ctx, jj: Jenjang) {
    let kuota = |id: &str| {
        c.j.find(id)
            .and_then(|x| x.kuota.as_ref())
            .map(|k| k.node)
            .unwrap_or(Persen::ZERO)
    };
    let induk = |id: &str| id.split('.').next().unwrap_or(id).to_string();
    // Everything that can end up in `id`: its own sources and theirs.
    fn incoming(j: &Juknis, id: &str, seen: &mut Vec<String>) -> Vec<String> {
        let mut out = Vec::new();
        for s in j.sisa_kuota.iter().filter(|s| s.ke.node == id) {
            if seen.contains(&s.dari.node) {
                continue;
            }
            seen.push(s.dari.node.clone());
            out.push(s.dari.node.clone());
            out.extend(incoming(j, &s.dari.node, seen));
        }
        out
    }
    for s in &c.j.sisa_kuota {
        let target = induk(&s.ke.node);
        if target == induk(&s.dari.node) {
            continue;
        }
        let (_, Some(max)) = batas(c.rb, jj, &target) else {
            continue;
        };
        let Some(jl) = c.j.jalur(&target) else {
            continue;
        };
        let own = jl.kuota.as_ref().map(|k| k.node).unwrap_or(Persen::ZERO);
        let mut seen = vec![s.dari.node.clone()];
        let mut from = vec![s.dari.node.clone()];
        from.extend(incoming(c.j, &s.dari.node, &mut seen));
        let inflow: Persen = from
            .iter()
            .filter(|f| induk(f) != target)
            .map(|f| kuota(f))
            .sum();
        let worst = own + inflow;
        if worst <= max {
            continue;
        }
        let (a, t) = (&s.dari.node, &s.ke.node);
        c.push(
            Diagnostic::new(
                "mutasi.cap.sisa",
                t!(
                    "sisa kuota {a} ke {t} dapat membuat {target} mencapai {worst}%, melebihi maksimum {max}%",
                    "carrying {a} into {t} can bring {target} to {worst}%, above its {max}% maximum"
                ),
            )
            .at(s.span, None)
            .also(
                jl.kuota.as_ref().map_or(jl.nama.span, |k| k.span),
                t!("kuota {target} {own}%", "{target} quota {own}%"),
            )
            .help(t!(
                "alihkan sisa kuota {a} ke jalur tanpa batas maksimum, mis. `sisa_kuota {a} ke domisili`",
                "send the unfilled seats of {a} to a jalur without a maximum, e.g. `sisa_kuota {a} ke domisili`"
            ))
            .note(t!(
                "mesin seleksi tidak pernah mengisi {target} melebihi {max}% daya tampung; kelebihannya diteruskan ke tujuan sisa kuota {target}, atau tidak terisi",
                "the engine never fills {target} beyond {max}% of capacity; the excess goes on to {target}'s own carry-over target, or stays unfilled"
            )),
        );
    }
}

fn total(c: &mut Ctx, jj: Jenjang) {
    let quotas: Vec<_> =
        c.j.jalur
            .iter()
            .filter_map(|j| j.kuota.as_ref().map(|k| (j, k)))
            .collect();
    if quotas.len() != c.j.jalur.len() || quotas.is_empty() {
        return; // a missing quota is reported where it is missing
    }
    let sum: Persen = quotas.iter().map(|(_, k)| k.node).sum();
    if sum == Persen::HUNDRED {
        return;
    }
    let parts = quotas
        .iter()
        .map(|(j, k)| format!("{} {}%", j.id, k.node))
        .collect::<Vec<_>>()
        .join(" + ");
    let (diff_id, diff_en) = if sum < Persen::HUNDRED {
        let d = Persen::HUNDRED - sum;
        (
            format!("masih kurang {d}% dari daya tampung"),
            format!("{d}% of the capacity is assigned to no jalur"),
        )
    } else {
        let d = sum - Persen::HUNDRED;
        (
            format!("lebih {d}% dari daya tampung"),
            format!("{d}% more than the capacity"),
        )
    };
    let (first, _) = quotas[0];
    // FAQ 18 is about the four national jalur; an SMK's quotas must add up for
    // its seats to be shared out, which is a consistency check.
    let code = if jj.has_national_jalur() {
        "kuota.total"
    } else {
        "konsistensi.kuota"
    };
    let mut d = Diagnostic::new(
        code,
        t!(
            "jumlah kuota semua jalur {sum}%, harus tepat 100%",
            "the jalur quotas add up to {sum}%, not exactly 100%"
        ),
    )
    .at(
        Span::new(first.span.start, first.nama.span.end),
        Some(t!("{parts} = {sum}%", "{parts} = {sum}%")),
    )
    .help(t!(
        "{diff_id}; ubah kuota sampai jumlahnya 100% dengan tetap memenuhi batas tiap jalur",
        "{diff_en}; change the quotas so they add up to 100% while keeping each jalur's bound"
    ));
    for (_, k) in quotas.iter().skip(1) {
        let v = k.node;
        d = d.also(k.span, t!("{v}%", "{v}%"));
    }
    c.push(d);
}

fn sub_kuota(c: &mut Ctx) {
    for jl in &c.j.jalur {
        if jl.sub.is_empty() || jl.sub_ganda {
            continue;
        }
        let Some(q) = &jl.kuota else { continue };
        if jl.sub.iter().any(|s| s.kuota.is_none()) {
            continue;
        }
        let sum: Persen = jl
            .sub
            .iter()
            .filter_map(|s| s.kuota.as_ref().map(|k| k.node))
            .sum();
        if sum == q.node {
            continue;
        }
        let (n, v) = (&jl.id, q.node);
        let mut d = Diagnostic::new(
            "konsistensi.sub_kuota",
            t!(
                "sub-kuota jalur {n} berjumlah {sum}%, padahal kuota jalurnya {v}%",
                "the sub-quotas of jalur {n} add up to {sum}%, but the jalur's quota is {v}%"
            ),
        )
        .at(q.span, Some(t!("kuota jalur {v}%", "jalur quota {v}%")))
        .help(t!(
            "samakan jumlah sub-kuota dengan kuota jalur",
            "make the sub-quotas add up to the jalur's quota"
        ));
        for s in &jl.sub {
            if let Some(k) = &s.kuota {
                let sv = k.node;
                d = d.also(k.span, t!("{sv}%", "{sv}%"));
            }
        }
        c.push(d);
    }
}

/// Try every school size from 1 to the largest realistic capacity; report, per
/// jalur, the smallest size at which the declared rounding breaks its bound while
/// some allocation could have kept all bounds.
fn pembulatan(c: &mut Ctx, jj: Jenjang) {
    if c.j.jalur.iter().any(|j| j.kuota.is_none()) {
        return;
    }
    // `sesuai_batas` keeps every jalur within its bounds at every capacity where
    // that is possible at all (property test
    // within_bounds_rounding_keeps_every_bound_when_possible), so there is
    // nothing to search for.
    if c.j.daya_tampung.pembulatan.node == Pembulatan::SesuaiBatas {
        return;
    }
    let total: Persen =
        c.j.jalur
            .iter()
            .filter_map(|j| j.kuota.as_ref().map(|k| k.node))
            .sum();
    if total != Persen::HUNDRED {
        return;
    }
    let skema = skema_kursi(c.j, c.rb);
    // Real schools have whole rombel of the juknis's own size (the
    // regulation's maximum when the juknis does not say).
    let rombel =
        c.j.daya_tampung
            .rombel
            .as_ref()
            .map(|r| r.node)
            .filter(|&r| r > 0)
            .or_else(|| c.rb.parameter.rombel_maksimal.get(jj.as_str()).copied())
            .unwrap_or(36);
    let max_n = rombel
        .saturating_mul(c.rb.parameter.rombel_cek_jumlah)
        .max(1);
    let parsed: Vec<(Option<Persen>, Option<Persen>)> = skema
        .jalur
        .iter()
        .map(|b| {
            (
                b.minimal_persen
                    .as_deref()
                    .and_then(|s| Persen::parse(s).ok()),
                b.maksimal_persen
                    .as_deref()
                    .and_then(|s| Persen::parse(s).ok()),
            )
        })
        .collect();
    let siap = skema.siap();
    let mut reported = vec![false; skema.jalur.len()];
    let mut pending: Vec<(usize, Diagnostic)> = Vec::new();
    for n in 1..=max_n {
        if reported.iter().all(|r| *r) {
            break;
        }
        let bounds = siap.batas(n);
        if !feasible(i64::from(n), &bounds) {
            continue;
        }
        let seats_n = siap.jalur(n);
        for (i, (seats, jl)) in seats_n.iter().zip(&skema.jalur).enumerate() {
            let id = &jl.id;
            if reported[i] {
                continue;
            }
            let seats = *seats;
            let (lo, hi) = bounds[i];
            let (bound, below) = if seats < lo {
                (parsed[i].0, true)
            } else if seats > hi {
                (parsed[i].1, false)
            } else {
                continue;
            };
            reported[i] = true;
            let Some(bound) = bound else { continue };
            let exact = bound.of(n);
            let exact_s = format_seats(exact.num);
            let method = c.j.daya_tampung.pembulatan.node.as_str();
            let (rel_id, rel_en) = if below {
                ("kurang dari", "fewer than")
            } else {
                ("lebih dari", "more than")
            };
            let (lim_id, lim_en) = if below {
                ("minimum", "minimum")
            } else {
                ("maksimum", "maximum")
            };
            let jalur = c.j.jalur(id);
            let quota_span = jalur
                .and_then(|j| j.kuota.as_ref().map(|k| k.span))
                .unwrap_or(c.j.judul.span);
            let written = c.j.daya_tampung.pembulatan_ditulis;
            let primary = if written {
                c.j.daya_tampung.pembulatan.span
            } else {
                quota_span
            };
            let got_en = seats_en(seats, id);
            let exact_en = seats_en(&exact_s, "");
            let mut d = Diagnostic::new(
                "kuota.pembulatan",
                t!(
                    "dengan pembulatan `{method}`, sekolah berdaya tampung {n} mendapat {seats} kursi {id}, {rel_id} {lim_id} {bound}% = {exact_s} kursi",
                    "with rounding `{method}`, a school with capacity {n} gets {got_en} {rel_en} the {lim_en} {bound}% = {exact_en}"
                ),
            )
            .at(primary, Some(t!("daya tampung {n} adalah ukuran terkecil yang melanggar", "capacity {n} is the smallest size that breaks it")))
            .help(t!(
                "gunakan `pembulatan sesuai_batas` (jalur berbatas minimum dibulatkan ke atas, mutasi ke bawah, sisanya ke jalur lain) atau ubah kuota",
                "use `pembulatan sesuai_batas` (minimum jalur rounded up, mutasi down, the rest to the other jalur) or change the quotas"
            ));
            if written {
                d = d.also(quota_span, t!("kuota {id}", "{id} quota"));
            }
            pending.push((i, d));
        }
        if reported.iter().all(|r| *r) {
            break;
        }
    }
    // The smallest size can be unrealistically small; also name the first whole
    // number of rombel where it happens, if any.
    for (i, mut d) in pending {
        let real = (1..=c.rb.parameter.rombel_cek_jumlah)
            .map(|k| k * rombel)
            .find(|&n| {
                let a = skema.alokasi(n);
                let seats = i64::from(a.jalur[i].1);
                let lo = parsed[i].0.map(|p| p.of(n).ceil()).unwrap_or(0);
                let hi = parsed[i].1.map(|p| p.of(n).floor()).unwrap_or(i64::from(n));
                seats < lo || seats > hi
            });
        if let Some(n) = real {
            let seats = skema.alokasi(n).jalur[i].1;
            let k = n / rombel;
            let seats_en = seats_en(seats, "");
            d = d.note(t!(
                "juga pada {k} rombel × {rombel} = {n} kursi: {seats} kursi",
                "also at {k} rombel × {rombel} = {n} seats: {seats_en}"
            ));
        }
        c.push(d);
    }
}

/// "1 mutasi seat", "3 mutasi seats" (`what` may be empty).
fn seats_en(n: impl std::fmt::Display, what: &str) -> String {
    let n = n.to_string();
    let word = if n == "1" { "seat" } else { "seats" };
    if what.is_empty() {
        format!("{n} {word}")
    } else {
        format!("{n} {what} {word},")
    }
}

/// An exact seat fraction as a short decimal: 10.8, 1.05.
fn format_seats(num: i128) -> String {
    let den = crate::model::persen::SEAT_DEN;
    let whole = num / den;
    let frac = num % den;
    if frac == 0 {
        return whole.to_string();
    }
    let s = format!("{frac:06}");
    format!("{whole}.{}", s.trim_end_matches('0'))
}
