//! The schedule: stage order inside each wave, waves in calendar order, every
//! (sub)jalur in exactly one wave, the juknis signed in time, and the carry-over
//! graph (no cycles, no flow into a wave that already closed).

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, Tahap, Tahapan, Waktu};
use crate::span::Span;
use crate::t;
use std::collections::BTreeMap;

pub fn check(c: &mut Ctx) {
    if c.j.tahap.is_empty() {
        c.push(
            Diagnostic::new(
                "juknis.isi",
                t!(
                    "juknis belum memuat jadwal (tahap)",
                    "the juknis has no schedule (tahap)"
                ),
            )
            .at(c.j.judul.span, None)
            .help(t!(
                "tambahkan `tahap 1 {{ jalur …  pendaftaran …  pengumuman … }}`",
                "add `tahap 1 {{ jalur …  pendaftaran …  pengumuman … }}`"
            )),
        );
    }
    for t in &c.j.tahap {
        dalam_tahap(c, t);
    }
    antar_tahap(c);
    gelombang(c);
    check_juknis_and_pengumuman(c);
    sisa_kuota(c);
}

fn when(w: Waktu) -> String {
    w.to_string()
}

fn dalam_tahap(c: &mut Ctx, t: &Tahap) {
    let n = t.nomor.node;
    if t.jadwal_rusak
        && (t.get(Tahapan::Pendaftaran).is_none() || t.get(Tahapan::Pengumuman).is_none())
    {
        return;
    }
    let Some(daftar) = t.get(Tahapan::Pendaftaran) else {
        c.push(
            Diagnostic::new(
                "tahapan",
                t!(
                    "tahap {n} tidak punya jadwal pendaftaran",
                    "wave {n} has no registration dates"
                ),
            )
            .at(t.nomor.span, None)
            .help(t!(
                "tambahkan `pendaftaran 2025-06-16 sampai 2025-06-17`",
                "add `pendaftaran 2025-06-16 sampai 2025-06-17`"
            )),
        );
        return;
    };
    let Some(umum) = t.get(Tahapan::Pengumuman) else {
        c.push(
            Diagnostic::new(
                "tahapan",
                t!(
                    "tahap {n} tidak punya tanggal pengumuman",
                    "wave {n} has no announcement date"
                ),
            )
            .at(t.nomor.span, None)
            .help(t!(
                "tambahkan `pengumuman …` sesudah pendaftaran ditutup",
                "add `pengumuman …` after registration closes"
            )),
        );
        return;
    };
    // An announcement before registration closes is reported once, as that, not
    // again as "before selection ends".
    let early = umum.mulai.before(daftar.selesai);
    for stage in [Tahapan::Verifikasi, Tahapan::Seleksi] {
        if let Some(s) = t.get(stage) {
            let nm = stage.as_str();
            if s.mulai.before(daftar.mulai) {
                let (a, b) = (when(s.mulai), when(daftar.mulai));
                c.push(
                    Diagnostic::new(
                        "tahapan",
                        t!(
                            "tahap {n}: {nm} ({a}) dimulai sebelum pendaftaran dibuka ({b})",
                            "wave {n}: {nm} ({a}) starts before registration opens ({b})"
                        ),
                    )
                    .at(s.span, None)
                    .also(daftar.span, t!("pendaftaran", "registration")),
                );
            }
            if !early && umum.mulai.before(s.selesai) {
                let (a, b) = (when(umum.mulai), when(s.selesai));
                c.push(
                    Diagnostic::new(
                        "tahapan",
                        t!(
                            "tahap {n}: pengumuman ({a}) sebelum {nm} selesai ({b})",
                            "wave {n}: announcement ({a}) before {nm} ends ({b})"
                        ),
                    )
                    .at(umum.span, None)
                    .also(s.span, t!("{nm}", "{nm}")),
                );
            }
        }
    }
    if early {
        let (a, b) = (when(umum.mulai), when(daftar.selesai));
        c.push(
            Diagnostic::new("tahapan", t!("tahap {n}: pengumuman ({a}) sebelum pendaftaran ditutup ({b})", "wave {n}: announcement ({a}) before registration closes ({b})"))
                .at(umum.span, Some(t!("terlalu awal", "too early")))
                .also(daftar.span, t!("pendaftaran masih dibuka", "registration still open"))
                .help(t!("urutan tahapan: pendaftaran → seleksi → pengumuman → daftar ulang; umumkan sesudah {b}", "stages run registration → selection → announcement → re-registration; announce after {b}")),
        );
    }
    let Some(du) = t.get(Tahapan::DaftarUlang) else {
        c.push(
            Diagnostic::new(
                "daftar_ulang",
                t!(
                    "tahap {n} tidak punya jadwal daftar ulang",
                    "wave {n} has no re-registration dates"
                ),
            )
            .at(t.nomor.span, None)
            .also(umum.span, t!("pengumuman", "announcement"))
            .help(t!(
                "tambahkan `daftar_ulang …` sesudah pengumuman: calon murid yang diterima wajib daftar ulang, dan kursi yang tidak diambil diisi dari cadangan",
                "add `daftar_ulang …` after the announcement: accepted applicants must re-register, and seats not taken go to the reserve list"
            )),
        );
        return;
    };
    {
        if du.mulai.before(umum.mulai) {
            let (a, b) = (when(du.mulai), when(umum.mulai));
            c.push(
                Diagnostic::new(
                    "tahapan",
                    t!(
                        "tahap {n}: daftar ulang ({a}) sebelum pengumuman ({b})",
                        "wave {n}: re-registration ({a}) before the announcement ({b})"
                    ),
                )
                .at(du.span, None)
                .also(umum.span, t!("pengumuman", "announcement"))
                .help(t!(
                    "daftar ulang dimulai pada atau sesudah pengumuman",
                    "re-registration starts on or after the announcement"
                )),
            );
        }
    }
    // The reserve fills the seats re-registration leaves: not before it ends.
    if let Some(pc) = t.get(Tahapan::PengisianCadangan) {
        if pc.mulai.before(du.selesai) {
            let (a, b) = (when(pc.mulai), when(du.selesai));
            c.push(
                Diagnostic::new(
                    "tahapan",
                    t!(
                        "tahap {n}: pengisian cadangan ({a}) sebelum daftar ulang selesai ({b})",
                        "wave {n}: reserve filling ({a}) before re-registration ends ({b})"
                    ),
                )
                .at(pc.span, None)
                .also(du.span, t!("daftar ulang", "re-registration"))
                .help(t!(
                    "kursi yang tidak diambil baru diketahui sesudah daftar ulang ditutup; mulai pengisian cadangan sesudah {b}",
                    "the seats not taken are known only when re-registration closes; start filling from the reserve after {b}"
                )),
            );
        }
    }
}

fn antar_tahap(c: &mut Ctx) {
    let mut ts: Vec<&Tahap> = c.j.tahap.iter().collect();
    ts.sort_by_key(|t| t.nomor.node);
    // A section of a juknis split by jenjang uses some of the shared waves
    // (numbered there, `model::lower::bagian`).
    for (i, t) in ts.iter().enumerate().filter(|_| !c.j.bagian) {
        let want = i as u32 + 1;
        if t.nomor.node != want {
            let n = t.nomor.node;
            c.push(
                Diagnostic::new(
                    "konsistensi.tahap",
                    t!(
                        "tahap diberi nomor {n}, seharusnya {want}",
                        "wave numbered {n}, expected {want}"
                    ),
                )
                .at(t.nomor.span, None)
                .help(t!(
                    "beri nomor tahap 1, 2, 3, … tanpa loncatan",
                    "number the waves 1, 2, 3, … without gaps"
                )),
            );
            break;
        }
    }
    for w in ts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (Some(da), Some(db)) = (a.get(Tahapan::Pendaftaran), b.get(Tahapan::Pendaftaran))
        else {
            continue;
        };
        let (na, nb) = (a.nomor.node, b.nomor.node);
        if db.mulai.before(da.mulai) {
            c.push(
                Diagnostic::new(
                    "konsistensi.tahap",
                    t!(
                        "tahap {nb} dibuka sebelum tahap {na}",
                        "wave {nb} opens before wave {na}"
                    ),
                )
                .at(db.span, None)
                .also(
                    da.span,
                    t!("pendaftaran tahap {na}", "wave {na} registration"),
                )
                .help(t!(
                    "urutkan nomor tahap sesuai tanggal",
                    "number the waves in calendar order"
                )),
            );
        } else if let Some(ua) = a.get(Tahapan::Pengumuman) {
            if db.mulai.before(ua.mulai) {
                let (x, y) = (when(db.mulai), when(ua.mulai));
                c.push(
                    Diagnostic::new("jadwal.gelombang", t!("pendaftaran tahap {nb} ({x}) dibuka sebelum pengumuman tahap {na} ({y})", "wave {nb} registration ({x}) opens before wave {na} is announced ({y})"))
                        .at(db.span, None)
                        .also(ua.span, t!("pengumuman tahap {na}", "wave {na} announcement"))
                        .help(t!("pendaftar yang diterima di tahap {na} belum diketahui saat tahap {nb} dibuka", "applicants accepted in wave {na} are not yet known when wave {nb} opens")),
                );
            }
        }
    }
}

fn gelombang(c: &mut Ctx) {
    if c.j.tahap.is_empty() || c.jenjang() == Some(Jenjang::TK) {
        return;
    }
    // Which waves cover each selection unit, directly or through its parent jalur.
    let mut cover: BTreeMap<String, Vec<(u32, Span, &str)>> = BTreeMap::new();
    for t in &c.j.tahap {
        if t.jalur.is_empty() && !t.jalur_rusak {
            let n = t.nomor.node;
            c.push(
                Diagnostic::new(
                    "konsistensi.gelombang",
                    t!(
                        "tahap {n} tidak menyeleksi jalur apa pun",
                        "wave {n} selects no jalur"
                    ),
                )
                .at(t.nomor.span, None)
                .help(t!(
                    "tulis `jalur …` di dalam tahap",
                    "write `jalur …` inside the wave"
                )),
            );
        }
        for r in &t.jalur {
            let Some(x) = c.j.find(&r.node) else { continue };
            for leaf in x.leaves() {
                cover.entry(leaf.id.clone()).or_default().push((
                    t.nomor.node,
                    r.span,
                    r.node.as_str(),
                ));
            }
        }
    }
    // A misspelt jalur in a wave is reported by name resolution; "in no wave"
    // would only repeat it.
    let unresolved = c.j.tahap.iter().any(|t| t.jalur_rusak)
        || c.j
            .tahap
            .iter()
            .flat_map(|t| t.jalur.iter())
            .any(|r| c.j.find(&r.node).is_none());
    // A whole jalur named twice in a wave is one problem, not one per sub-jalur.
    let mut twice: Vec<(Span, Span)> = Vec::new();
    for leaf in c.j.leaves() {
        let n = &leaf.id;
        match cover.get(&leaf.id).map(Vec::as_slice) {
            None | Some([]) if unresolved => {}
            None | Some([]) => c.push(
                Diagnostic::new(
                    "gelombang",
                    t!(
                        "{n} tidak diseleksi di tahap mana pun",
                        "{n} is selected in no wave"
                    ),
                )
                .at(
                    leaf.nama.span,
                    Some(t!(
                        "kursinya tidak akan terisi",
                        "its seats would stay empty"
                    )),
                )
                .help(t!(
                    "sebutkan `{n}` di baris `jalur` salah satu tahap",
                    "name `{n}` on the `jalur` line of one wave"
                )),
            ),
            Some([_]) => {}
            // A jalur may be selected again in a later wave, for the seats left
            // over (FAQ 70, 110); twice in one wave means nothing.
            Some(waves) => {
                let dup = waves
                    .iter()
                    .enumerate()
                    .find_map(|(i, x)| waves[..i].iter().find(|y| y.0 == x.0).map(|y| (y, x)));
                let Some(((a, first, ra), (_, again, rb))) = dup else {
                    continue;
                };
                if twice.contains(&(*first, *again)) {
                    continue;
                }
                twice.push((*first, *again));
                let a = *a;
                let n = if ra == rb { *rb } else { n.as_str() };
                c.push(
                    Diagnostic::new(
                        "konsistensi.gelombang",
                        t!(
                            "{n} disebut dua kali di tahap {a}",
                            "{n} is named twice in wave {a}"
                        ),
                    )
                    .at(*again, None)
                    .also(*first, t!("pertama di sini", "first here"))
                    .help(t!(
                        "sebutkan setiap jalur sekali per tahap; untuk membuka lagi kursi sisa, sebutkan jalur itu di tahap berikutnya",
                        "name each jalur once per wave; to reopen leftover seats, name the jalur in a later wave"
                    )),
                );
            }
        }
    }
}

fn check_juknis_and_pengumuman(c: &mut Ctx) {
    let first_daftar =
        c.j.tahap
            .iter()
            .filter_map(|t| t.get(Tahapan::Pendaftaran))
            .min_by_key(|d| d.mulai.tanggal);
    if let Some(p) = &c.j.pengumuman_pendaftaran {
        if let Some(year) = c.j.tahun() {
            let d = p.node.tanggal;
            if !(d.tahun == year && d.bulan == 5 && d.hari <= 7) {
                c.push(
                    Diagnostic::new(
                        "jadwal.pengumuman",
                        t!(
                            "pengumuman pendaftaran {d} tidak pada minggu pertama Mei",
                            "the registration announcement {d} is not in the first week of May"
                        ),
                    )
                    .at(p.span, None)
                    .help(t!(
                        "umumkan pendaftaran pada 1–7 Mei {year}",
                        "announce registration on 1–7 May {year}"
                    )),
                );
            }
        }
        if let Some(fd) = first_daftar {
            if fd.mulai.before(p.node) {
                let (a, b) = (when(p.node), when(fd.mulai));
                c.push(
                    Diagnostic::new("tahapan", t!("pengumuman pendaftaran ({a}) sesudah pendaftaran dibuka ({b})", "the registration announcement ({a}) comes after registration opens ({b})"))
                        .at(p.span, None)
                        .also(fd.span, t!("pendaftaran dibuka", "registration opens")),
                );
            }
        }
    }
    let Some(signed) = &c.j.ditetapkan else {
        return;
    };
    let p = &c.rb.parameter.peraturan;
    if let (Ok(ada), Ok(diundangkan)) = (
        crate::model::Tanggal::parse(&p.ditetapkan),
        crate::model::Tanggal::parse(&p.diundangkan),
    ) {
        if signed.node.tanggal < ada {
            let s = signed.node.tanggal;
            c.push(
                Diagnostic::new(
                    "peraturan.tanggal",
                    t!(
                        "juknis ditetapkan {s}, sebelum Permendikdasmen 3/2025 ditetapkan ({ada})",
                        "the juknis is signed {s}, before Permendikdasmen 3/2025 was signed ({ada})"
                    ),
                )
                .at(signed.span, None)
                .help(t!(
                    "periksa tanggal `ditetapkan`: peraturan itu ditetapkan {ada} dan diundangkan {diundangkan}",
                    "check the `ditetapkan` date: the regulation was signed on {ada} and promulgated on {diundangkan}"
                )),
            );
        }
    }
    let months = c.rb.parameter.juknis_sebelum_pengumuman_bulan;
    let (reference, ref_span, what_id, what_en) = match (&c.j.pengumuman_pendaftaran, first_daftar)
    {
        (Some(p), _) => (
            p.node.tanggal,
            p.span,
            "pengumuman pendaftaran",
            "the registration announcement",
        ),
        (None, Some(d)) => (
            d.mulai.tanggal,
            d.span,
            "pendaftaran tahap pertama",
            "the first registration",
        ),
        (None, None) => return,
    };
    let latest = reference.minus_months(months);
    if signed.node.tanggal > latest {
        let (s, r) = (signed.node.tanggal, reference);
        c.push(
            Diagnostic::new(
                "jadwal.juknis",
                t!(
                    "juknis ditetapkan {s}, kurang dari {months} bulan sebelum {what_id} ({r})",
                    "the juknis is signed {s}, less than {months} months before {what_en} ({r})"
                ),
            )
            .at(signed.span, None)
            .also(ref_span, t!("{what_id}", "{what_en}"))
            .help(t!(
                "tetapkan juknis paling lambat {latest}",
                "sign the juknis by {latest} at the latest"
            )),
        );
    }
}

fn sisa_kuota(c: &mut Ctx) {
    // One source, one target: a second line with another target is a conflict.
    for (i, s) in c.j.sisa_kuota.iter().enumerate() {
        let Some(prev) = c.j.sisa_kuota[..i]
            .iter()
            .find(|p| p.dari.node == s.dari.node)
        else {
            continue;
        };
        if prev.ke.node == s.ke.node {
            continue;
        }
        let (a, b1, b2) = (&s.dari.node, &prev.ke.node, &s.ke.node);
        c.push(
            Diagnostic::new(
                "konsistensi.sisa_kuota",
                t!(
                    "sisa kuota {a} dialihkan ke dua tujuan: {b1} dan {b2}",
                    "unfilled seats of {a} go to two targets: {b1} and {b2}"
                ),
            )
            .at(s.span, None)
            .also(prev.span, t!("tujuan pertama", "first target"))
            .help(t!(
                "pilih satu tujuan untuk sisa kuota {a}; tujuan itu boleh meneruskan sisanya dengan `sisa_kuota` sendiri",
                "choose one target for the unfilled seats of {a}; that target may pass its own leftovers on with another `sisa_kuota`"
            )),
        );
    }
    let edges: Vec<(&str, &str, Span)> =
        c.j.sisa_kuota
            .iter()
            .filter(|s| c.j.find(&s.dari.node).is_some() && c.j.find(&s.ke.node).is_some())
            .map(|s| (s.dari.node.as_str(), s.ke.node.as_str(), s.span))
            .collect();
    // Cycles: follow each edge; a walk that returns to its start is a cycle.
    let mut reported: Vec<Span> = Vec::new();
    for &(from, to, span) in &edges {
        let mut path = vec![span];
        let mut cur = to;
        let mut steps = 0;
        while steps <= edges.len() {
            if cur == from {
                if !path.iter().any(|p| reported.contains(p)) {
                    reported.extend(path.iter().copied());
                    let mut d = Diagnostic::new(
                        "konsistensi.sisa_siklus",
                        t!(
                            "sisa kuota berputar kembali ke `{from}`",
                            "unfilled seats flow in a cycle back to `{from}`"
                        ),
                    )
                    .at(span, Some(t!("awal siklus", "cycle starts here")))
                    .help(t!(
                        "putus siklusnya: sisa kuota harus berakhir di satu jalur",
                        "break the cycle: unfilled seats must end in one jalur"
                    ));
                    for p in path.iter().skip(1) {
                        d = d.also(*p, t!("lalu ke sini", "then here"));
                    }
                    c.push(d);
                }
                break;
            }
            match edges.iter().find(|(f, _, _)| *f == cur) {
                Some(&(_, next, s)) => {
                    path.push(s);
                    cur = next;
                }
                None => break,
            }
            steps += 1;
        }
    }
    for s in &c.j.sisa_kuota {
        let (Some(ta), Some(tb)) = (
            c.j.tahap_akhir_of(&s.dari.node),
            c.j.tahap_akhir_of(&s.ke.node),
        ) else {
            continue;
        };
        // "Already closed" is about the calendar; when wave numbers and dates
        // disagree (konsistensi.tahap), the dates decide.
        let opens = |t: &Tahap| {
            t.get(Tahapan::Pendaftaran)
                .map(|j| j.mulai.tanggal.days() * 1440 + i64::from(j.mulai.menit.unwrap_or(0)))
                .unwrap_or(i64::MAX)
        };
        let closed_before = match (opens(ta), opens(tb)) {
            (a, b) if a != i64::MAX && b != i64::MAX => b < a,
            _ => tb.nomor.node < ta.nomor.node,
        };
        if closed_before {
            let (a, b, na, nb) = (&s.dari.node, &s.ke.node, ta.nomor.node, tb.nomor.node);
            c.push(
                Diagnostic::new("konsistensi.sisa_tahap", t!("sisa kuota {a} (tahap {na}) dialihkan ke {b} yang sudah selesai di tahap {nb}", "unfilled seats of {a} (wave {na}) go to {b}, already closed in wave {nb}"))
                    .at(s.ke.span, Some(t!("tahap {nb} sudah ditutup", "wave {nb} has closed")))
                    .also(s.dari.span, t!("baru diketahui sesudah tahap {na}", "known only after wave {na}"))
                    .help(t!("alihkan ke jalur di tahap {na} atau sesudahnya", "send them to a jalur in wave {na} or later")),
            );
        }
    }
}
