//! Cascades (`lanjut A ke B`): applicants not accepted in unit A compete in
//! unit B in the same wave (Jawa Timur: domisili reguler → sebaran). Both ends
//! are selection units of one wave, each unit passes its applicants to one
//! place, and no chain of cascades — or of a cascade and a carry-over of seats
//! within the wave — loops back, since B must be selected after A.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::t;
use crate::text::Text;

pub fn check(c: &mut Ctx) {
    let mut ok: Vec<(&str, &str, Span)> = Vec::new();
    for (i, l) in c.j.lanjut.iter().enumerate() {
        let (a, b) = (l.dari.node.as_str(), l.ke.node.as_str());
        // Unknown names are reported where they are resolved (`nama.tidak_dikenal`).
        let (Some(ja), Some(jb)) = (c.j.find(a), c.j.find(b)) else {
            continue;
        };
        let bad = |c: &mut Ctx, id: &str, en: &str, at: Span, help: (String, String)| {
            c.push(
                Diagnostic::new("konsistensi.lanjut", Text::new(id, en))
                    .at(at, None)
                    .help(Text::new(help.0, help.1)),
            );
        };
        if let Some(x) = [ja, jb].into_iter().find(|x| !x.sub.is_empty()) {
            let n = &x.id;
            let subs: Vec<&str> = x.sub.iter().map(|s| s.id.as_str()).collect();
            let subs = subs.join(", ");
            let at = if x.id == a { l.dari.span } else { l.ke.span };
            bad(
                c,
                &format!("`{n}` punya sub-jalur; pendaftar berpindah antara unit seleksi"),
                &format!("`{n}` has sub-jalur; applicants move between selection units"),
                at,
                (
                    format!("sebut sub-jalurnya: {subs}"),
                    format!("name its sub-jalur: {subs}"),
                ),
            );
            continue;
        }
        if a == b {
            bad(
                c,
                &format!("`{a}` dilanjutkan ke dirinya sendiri"),
                &format!("`{a}` cascades into itself"),
                l.span,
                (
                    "sebut unit lain sebagai tujuan".into(),
                    "name another unit as the target".into(),
                ),
            );
            continue;
        }
        let (ta, tb) = (c.j.tahap_of(a), c.j.tahap_of(b));
        if let (Some(ta), Some(tb)) = (ta, tb) {
            if ta.nomor.node != tb.nomor.node {
                let (na, nb) = (ta.nomor.node, tb.nomor.node);
                bad(
                    c,
                    &format!("`{a}` (tahap {na}) dilanjutkan ke `{b}` di tahap lain ({nb})"),
                    &format!("`{a}` (wave {na}) cascades into `{b}` in another wave ({nb})"),
                    l.span,
                    (
                        format!("`lanjut` berlaku di dalam satu tahap; pendaftar yang tidak diterima di tahap {na} mendaftar lagi di tahap berikutnya"),
                        format!("`lanjut` works within one wave; applicants not accepted in wave {na} register again in a later wave"),
                    ),
                );
                continue;
            }
        }
        if let Some(prev) = c.j.lanjut[..i]
            .iter()
            .find(|p| p.dari.node == a && p.ke.node != b)
        {
            let b1 = &prev.ke.node;
            c.push(
                Diagnostic::new(
                    "konsistensi.lanjut",
                    t!(
                        "pendaftar `{a}` dilanjutkan ke dua tujuan: `{b1}` dan `{b}`",
                        "applicants of `{a}` cascade into two targets: `{b1}` and `{b}`"
                    ),
                )
                .at(l.span, None)
                .also(prev.span, t!("tujuan pertama", "first target"))
                .help(t!(
                    "pilih satu tujuan; tujuan itu boleh meneruskan dengan `lanjut` sendiri",
                    "choose one target; it may pass applicants on with its own `lanjut`"
                )),
            );
            continue;
        }
        ok.push((a, b, l.span));
    }
    // B is selected after A: a loop of cascades, or a cascade against a
    // carry-over of seats in the same wave, leaves no order to run them in.
    let mut edges = ok.clone();
    for s in &c.j.sisa_kuota {
        let (a, b) = (s.dari.node.as_str(), s.ke.node.as_str());
        let same = matches!((c.j.tahap_of(a), c.j.tahap_of(b)), (Some(x), Some(y)) if x.nomor.node == y.nomor.node);
        if same {
            edges.push((a, b, s.span));
        }
    }
    let covers = |x: &str, y: &str| {
        x == y || y.starts_with(&format!("{x}.")) || x.starts_with(&format!("{y}."))
    };
    for &(a, b, span) in &ok {
        // Is there a path from b back to a?
        let mut seen: Vec<&str> = vec![b];
        let mut frontier = vec![b];
        let mut loops = false;
        while let Some(cur) = frontier.pop() {
            for &(f, t, _) in &edges {
                if covers(f, cur) && !seen.contains(&t) {
                    if covers(t, a) {
                        loops = true;
                    }
                    seen.push(t);
                    frontier.push(t);
                }
            }
        }
        if loops {
            c.push(
                Diagnostic::new(
                    "konsistensi.lanjut",
                    t!(
                        "`lanjut {a} ke {b}` berputar kembali ke `{a}`",
                        "`lanjut {a} ke {b}` loops back to `{a}`"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "`{b}` diseleksi sesudah `{a}`; putus lingkarannya (`lanjut` atau `sisa_kuota` di tahap yang sama)",
                    "`{b}` is selected after `{a}`; break the loop (a `lanjut` or a `sisa_kuota` in the same wave)"
                )),
            );
        }
    }
}
