//! Model → plan: the one place the checker's side meets the executable side.
//! Runs only on a juknis without errors, so every reference here resolves;
//! defaults the juknis left unsaid come from the rulebook, written out
//! explicitly so an engine never has to know them.

use crate::model::{Juknis, Sumber};
use crate::plan::*;
use crate::rulebook::Rulebook;
use crate::span::Spanned;
use std::collections::BTreeSet;

pub fn compile(j: &Juknis, rb: &Rulebook, file_name: &str, source: &[u8]) -> Plan {
    let jenjang = j.jenjang().unwrap_or(Jenjang::SMA);
    let year = j.tahun().unwrap_or(2025);
    let p = &rb.parameter.usia;
    let default_tanggal = format!(
        "{year}-{:02}-{:02}",
        p.tanggal_acuan.bulan, p.tanggal_acuan.hari
    );
    let u = &j.usia;
    let (def_min, def_max, def_prio) = match jenjang {
        Jenjang::SD => (
            Some(p.sd_minimal.months()),
            None,
            Some(p.sd_prioritas.months()),
        ),
        Jenjang::SMP => (None, Some(p.smp_maksimal.months()), None),
        Jenjang::SMA | Jenjang::SMK => (None, Some(p.sma_maksimal.months()), None),
        Jenjang::TK => (None, None, None),
    };
    let usia = UsiaPlan {
        tanggal_acuan: u
            .tanggal_acuan
            .as_ref()
            .map(|t| t.node.tanggal.to_string())
            .unwrap_or(default_tanggal),
        minimal_bulan: u.minimal.as_ref().map(|m| m.node).or(def_min),
        maksimal_bulan: u.maksimal.as_ref().map(|m| m.node).or(def_max),
        prioritas_bulan: u.prioritas.as_ref().map(|m| m.node).or(def_prio),
        istimewa: u.istimewa.as_ref().map(|i| IstimewaPlan {
            minimal_bulan: i.node.minimal.node,
            rekomendasi: i.node.rekomendasi.iter().map(|r| r.node.clone()).collect(),
        }),
        kelompok: u
            .kelompok
            .iter()
            .map(|k| KelompokPlan {
                nama: k.node.nama.node.clone(),
                minimal_bulan: k.node.dari.node,
                maksimal_bulan: k.node.sampai.node,
            })
            .collect(),
        pengecualian: match &u.pengecualian {
            Some(l) => l.node.iter().map(|w| w.node.clone()).collect(),
            None => [
                "disabilitas",
                "pendidikan_khusus",
                "layanan_khusus",
                "daerah_3t",
            ]
            .map(String::from)
            .to_vec(),
        },
    };
    let wilayah = WilayahPlan {
        metode: j.wilayah.metode.as_ref().map(|m| m.node.clone()),
        perluasan: j.wilayah.perluasan.as_ref().map(|p| p.node.clone()),
        perbatasan: j
            .wilayah
            .perbatasan
            .iter()
            .map(|b| PerbatasanPlan {
                tingkat: b.node.tingkat,
                nama: b.node.nama.clone(),
                kesepakatan: b.node.kesepakatan.as_ref().map(|k| k.node.clone()),
            })
            .collect(),
    };
    let mut kolom: BTreeSet<(String, String)> = BTreeSet::new();
    let multi_rapor = j
        .skor
        .iter()
        .flat_map(|s| s.suku.iter())
        .filter(|s| matches!(s.node.sumber.node, Sumber::Rapor { .. }))
        .count()
        > 1;
    let skor_names: Vec<&str> = j.skor.iter().map(|s| s.nama.node.as_str()).collect();
    let skor = j
        .skor
        .iter()
        .map(|s| SkorPlan {
            nama: s.nama.node.clone(),
            maksimal: s.maksimal.as_ref().map(|m| m.node),
            // Unstated: every decimal the arithmetic keeps.
            desimal: s.desimal.as_ref().map_or(crate::plan::angka::DECIMALS, |d| d.node),
            suku: s
                .suku
                .iter()
                .map(|su| {
                    let (cols, ket): (Vec<String>, String) = match &su.node.sumber.node {
                        Sumber::Rapor { dari, sampai, mapel } => {
                            // One column per rapor average the data must hold:
                            // `rapor` when the juknis has one, `rapor_SKOR` per
                            // score, and `rapor_SKOR_MAPEL…` when one score sums
                            // several (DIY: the sum of four subjects' averages).
                            let in_score = s
                                .suku
                                .iter()
                                .filter(|x| matches!(x.node.sumber.node, Sumber::Rapor { .. }))
                                .count();
                            let col = if in_score > 1 {
                                let m = if mapel.is_empty() { "semua".to_string() } else { mapel.join("_") };
                                format!("rapor_{}_{m}_{dari}_{sampai}", s.nama.node)
                            } else if multi_rapor {
                                format!("rapor_{}", s.nama.node)
                            } else {
                                "rapor".to_string()
                            };
                            let m = if mapel.is_empty() { "semua mapel".to_string() } else { mapel.join(", ") };
                            (vec![col], format!("rerata rapor semester {dari}–{sampai} ({m}), skala 0–100"))
                        }
                        Sumber::Tes { nama } => (vec![format!("tes_{nama}")], format!("nilai tes terstandar {nama}")),
                        Sumber::Poin { tabel } => (
                            vec![format!("{tabel}_kategori"), format!("{tabel}_peringkat")],
                            format!("prestasi terbaik untuk tabel poin {tabel}: kategori (tingkat/organisasi) dan peringkat (juara/jabatan)"),
                        ),
                        // Another score by name: computed, not read from the data.
                        Sumber::Masukan { nama } if skor_names.contains(&nama.as_str()) => (Vec::new(), String::new()),
                        Sumber::Masukan { nama } => (vec![nama.clone()], format!("nilai {nama}")),
                    };
                    for c in &cols {
                        kolom.insert((c.clone(), ket.clone()));
                    }
                    SukuPlan { bobot: su.node.bobot.node, sumber: su.node.sumber.node.clone(), kolom: cols }
                })
                .collect(),
        })
        .collect();
    let poin = j
        .poin
        .iter()
        .map(|t| TabelPoinPlan {
            nama: t.nama.node.clone(),
            baris: t
                .baris
                .iter()
                .map(|b| BarisPoinPlan {
                    kategori: b.node.kategori.node.clone(),
                    nilai: b
                        .node
                        .nilai
                        .iter()
                        .map(|(r, v)| NilaiPoin {
                            peringkat: r.node.clone(),
                            poin: v.node,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let sisa: Vec<(String, String)> = j
        .sisa_kuota
        .iter()
        .map(|s| (s.dari.node.clone(), s.ke.node.clone()))
        .collect();
    let seleksi: Vec<UnitSeleksi> = j
        .leaves()
        .into_iter()
        .map(|leaf| {
            // Carry-over named on the jalur applies to each of its sub-jalur.
            let sisa_ke = sisa
                .iter()
                .find(|(d, _)| *d == leaf.id)
                .or_else(|| sisa.iter().find(|(d, _)| d == leaf.induk()))
                .map(|(_, k)| k.clone());
            UnitSeleksi {
                id: leaf.id.clone(),
                jalur: leaf.induk().to_string(),
                kuota: leaf.kuota.as_ref().map(|k| k.node).unwrap_or_default(),
                tahap: j.tahap_of(&leaf.id).map(|t| t.nomor.node).unwrap_or(0),
                syarat: j.syarat_of(leaf).iter().map(|s| s.node.clone()).collect(),
                dokumen: documents(j, leaf),
                urutan: ranking(j.urutan_of(leaf)),
                per: leaf
                    .per
                    .as_ref()
                    .or_else(|| j.parent(leaf).and_then(|p| p.per.as_ref()))
                    .map(|p| p.node.clone()),
                sisa_ke,
                lanjut_ke: j
                    .lanjut
                    .iter()
                    .find(|l| l.dari.node == leaf.id)
                    .map(|l| l.ke.node.clone()),
                ulang_dari: None,
                kursi_kolom: None,
            }
        })
        .chain(tk_groups(j, &usia))
        .collect();
    let seleksi = with_later_rounds(j, seleksi);
    // The columns the conditions read: the zone (area codes, or distance for a
    // radius), and the parent's school for teachers' children.
    if j.pilihan.luar_wilayah.is_some()
        || seleksi
            .iter()
            .any(|u| u.syarat.contains(&Syarat::DalamWilayah))
    {
        let radius = matches!(
            j.wilayah.metode.as_ref().map(|m| &m.node),
            Some(crate::model::Metode::Radius { .. })
        );
        kolom.insert(if radius {
            (
                "jarak_m".into(),
                "jarak rumah ke sekolah dalam meter (atau koordinat lintang/bujur)".into(),
            )
        } else {
            (
                "wilayah".into(),
                "kode wilayah tempat tinggal (kelurahan/desa/kecamatan), dipisah `;`".into(),
            )
        });
    }
    if let Some(w) = seleksi.iter().find_map(|u| u.per.as_ref()) {
        if !kolom.iter().any(|(k, _)| k == "wilayah") {
            kolom.insert((
                "wilayah".into(),
                format!("kode wilayah tempat tinggal ({w}), dipisah `;`: kursi dibagi per {w}"),
            ));
        }
    }
    if seleksi
        .iter()
        .any(|u| u.syarat.iter().any(|s| matches!(s, Syarat::Jarak { .. })))
    {
        kolom.insert((
            "jarak_m".into(),
            "jarak rumah ke sekolah dalam meter (atau koordinat lintang/bujur)".into(),
        ));
    }
    let guru = |s: &Syarat| match s {
        Syarat::Status(n) => n == "anak_guru",
        Syarat::SalahSatu(ns) => ns.iter().any(|n| n == "anak_guru"),
        _ => false,
    };
    if seleksi.iter().any(|u| u.syarat.iter().any(guru)) {
        kolom.insert((
            "sekolah_orang_tua".into(),
            "NPSN sekolah tempat orang tua mengajar (status anak_guru)".into(),
        ));
    }
    // The status column, described by the first status that needs it.
    fn need_status(kolom: &mut BTreeSet<(String, String)>, n: &str) {
        if !kolom.iter().any(|(k, _)| k == "status") {
            kolom.insert((
                "status".into(),
                format!("status pendaftar, dipisah `;` (mis. {n})"),
            ));
        }
    }
    for u in &seleksi {
        for s in &u.syarat {
            let n = match s {
                Syarat::Status(n) => Some(n),
                Syarat::SalahSatu(ns) => ns.first(),
                _ => None,
            };
            if let Some(n) = n {
                need_status(&mut kolom, n);
            }
            if matches!(s, Syarat::Kelompok { .. }) {
                kolom.insert(("tanggal_lahir".into(), "tanggal lahir TTTT-BB-HH".into()));
            }
        }
        for k in &u.urutan {
            let c = match &k.kriteria {
                KriteriaJenis::Jarak => (
                    "jarak_m",
                    "jarak rumah ke sekolah dalam meter (atau koordinat lintang/bujur)",
                ),
                KriteriaJenis::Usia | KriteriaJenis::UsiaPrioritas => {
                    ("tanggal_lahir", "tanggal lahir TTTT-BB-HH")
                }
                KriteriaJenis::WaktuDaftar => {
                    ("waktu_daftar", "waktu pendaftaran TTTT-BB-HH JJ:MM:DD")
                }
                KriteriaJenis::WaktuVerifikasi => (
                    "waktu_verifikasi",
                    "waktu verifikasi berkas TTTT-BB-HH JJ:MM:DD",
                ),
                KriteriaJenis::NomorPendaftaran => {
                    ("nomor_pendaftaran", "nomor pendaftaran (angka)")
                }
                KriteriaJenis::Status(n) => {
                    need_status(&mut kolom, n);
                    continue;
                }
                KriteriaJenis::Skor(_) | KriteriaJenis::Undian(_) => continue,
            };
            kolom.insert((c.0.into(), c.1.into()));
        }
    }
    let mut tahap: Vec<&crate::model::Tahap> = j.tahap.iter().collect();
    tahap.sort_by_key(|t| t.nomor.node);
    let tahap = tahap
        .into_iter()
        .map(|t| {
            // The order the wave lists its jalur in (with several jalur per
            // applicant per wave it decides who leaves which), then carry-over.
            let listed = |u: &UnitSeleksi| {
                let id = u.ulang_dari.as_deref().unwrap_or(&u.id);
                t.jalur
                    .iter()
                    .position(|x| x.node == id || x.node == u.jalur)
                    .unwrap_or(usize::MAX)
            };
            let mut in_wave: Vec<&UnitSeleksi> =
                seleksi.iter().filter(|u| u.tahap == t.nomor.node).collect();
            in_wave.sort_by_key(|u| listed(u));
            let mut units: Vec<String> = in_wave.iter().map(|u| u.id.clone()).collect();
            order_by_carry_over(&mut units, &seleksi);
            let mut jadwal: Vec<JadwalPlan> = t
                .jadwal
                .iter()
                .map(|s| JadwalPlan {
                    tahapan: s.tahapan,
                    mulai: s.mulai.to_string(),
                    selesai: s.selesai.to_string(),
                })
                .collect();
            jadwal.sort_by_key(|s| s.tahapan);
            TahapPlan {
                nomor: t.nomor.node,
                urutan_proses: units,
                jadwal,
            }
        })
        .collect();
    let (tingkat, nama) = j
        .pemerintah
        .as_ref()
        .map(|p| p.node.clone())
        .unwrap_or((TingkatPemerintah::Provinsi, String::new()));
    let plan = Plan {
        format: FORMAT.to_string(),
        kompiler: Kompiler {
            nama: "juknis".into(),
            versi: env!("CARGO_PKG_VERSION").into(),
        },
        acuan: Acuan {
            id: rb.id.clone(),
            versi: rb.versi.clone(),
        },
        sumber: SumberBerkas {
            berkas: file_name.to_string(),
            sha256: sha256_hex(source),
        },
        sha256_rencana: String::new(),
        juknis: Identitas {
            judul: j.judul.node.clone(),
            pemerintah: Pemerintah { tingkat, nama },
            jenjang,
            tahun_ajaran: j
                .tahun_ajaran
                .as_ref()
                .map(|t| format!("{}/{}", t.node.0, t.node.1))
                .unwrap_or_default(),
            ditetapkan: j.ditetapkan.as_ref().map(|d| d.node.to_string()),
            pengumuman_pendaftaran: j
                .pengumuman_pendaftaran
                .as_ref()
                .map(|d| d.node.to_string()),
        },
        usia,
        wilayah,
        kursi: crate::rules::kuota::skema_kursi(j, rb),
        pilihan: PilihanPlan {
            maksimal: j.pilihan.maksimal.node,
            mekanisme: j.pilihan.mekanisme.node,
            jalur_per_tahap: j.pilihan.jalur_per_tahap.node,
            maksimal_luar_wilayah: j.pilihan.luar_wilayah.as_ref().map(|v| v.node),
        },
        skor,
        poin,
        seleksi,
        tahap,
        cadangan: j
            .cadangan
            .as_ref()
            .map(|c| c.node)
            .unwrap_or(Cadangan::Semua),
        penentu_seri: crate::plan::PenentuSeri::NisnTerkecil,
        kewajiban: Kewajiban {
            biaya_rupiah: j.biaya.iter().map(|b| b.node.rupiah).sum(),
            pendaftaran: j
                .pendaftaran
                .as_ref()
                .map(|p| p.node.iter().map(|m| m.node.clone()).collect())
                .unwrap_or_default(),
            pengaduan: j.pengaduan.as_ref().map(|p| p.node.clone()),
            pemantauan: j.pemantauan.as_ref().map(|p| p.node.clone()),
        },
        sekolah_dikecualikan: j
            .dikecualikan
            .iter()
            .map(|d| crate::plan::SekolahDikecualikan {
                npsn: d.node.npsn.node.clone(),
                alasan: d.node.alasan.node.clone(),
                keterangan: d.node.keterangan.as_ref().map(|k| k.node.clone()),
            })
            .collect(),
        sekolah_bersama: j
            .bersama
            .iter()
            .map(|b| crate::plan::SekolahBersama {
                npsn: b.node.npsn.node.clone(),
                kesepakatan: b
                    .node
                    .kesepakatan
                    .as_ref()
                    .map(|k| k.node.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        kolom_pendaftar: kolom
            .into_iter()
            .map(|(nama, keterangan)| Kolom { nama, keterangan })
            .collect(),
    };
    plan.seal()
}

/// A (sub-)jalur the juknis selects in several waves gets one unit per later
/// wave, `ID@N`, with no seats of its own: each round's unfilled seats go to
/// the next round, and the last round's along the stated `sisa_kuota`. A
/// carry-over into a reopened unit goes to its first round that runs in or
/// after the wave the seats are known.
fn with_later_rounds(j: &Juknis, seleksi: Vec<UnitSeleksi>) -> Vec<UnitSeleksi> {
    let mut out: Vec<UnitSeleksi> = Vec::with_capacity(seleksi.len());
    for u in &seleksi {
        let waves: Vec<u32> = j.tahap_semua(&u.id).iter().map(|t| t.nomor.node).collect();
        let mut rounds = vec![u.clone()];
        // A TK age group runs in every wave (a TK wave names no jalur).
        let waves: Vec<u32> = if u.kursi_kolom.is_some() {
            let mut w: Vec<u32> = j.tahap.iter().map(|t| t.nomor.node).collect();
            w.sort_unstable();
            w
        } else {
            waves
        };
        for &w in waves.iter().skip(1) {
            rounds.push(UnitSeleksi {
                id: format!("{}@{w}", u.id),
                kuota: Persen::ZERO,
                tahap: w,
                lanjut_ke: None,
                ulang_dari: Some(u.id.clone()),
                kursi_kolom: None,
                ..u.clone()
            });
        }
        for i in 1..rounds.len() {
            let next = rounds[i].id.clone();
            rounds[i - 1].sisa_ke = Some(next);
        }
        out.extend(rounds);
    }
    // Carry-over from the last round of a unit into a reopened one.
    let rounds_of = |id: &str, out: &[UnitSeleksi]| -> Vec<(String, u32)> {
        out.iter()
            .filter(|x| x.id == id || x.ulang_dari.as_deref() == Some(id))
            .map(|x| (x.id.clone(), x.tahap))
            .collect()
    };
    for i in 0..out.len() {
        let last_round = !out.iter().any(|x| {
            x.ulang_dari.as_deref() == Some(out[i].ulang_dari.as_deref().unwrap_or(&out[i].id))
                && x.tahap > out[i].tahap
        });
        let Some(t) = out[i].sisa_ke.clone().filter(|_| last_round) else {
            continue;
        };
        let rounds = rounds_of(&t, &out);
        let known = out[i].tahap;
        if let Some((id, _)) = rounds.iter().find(|(_, w)| *w >= known).or(rounds.last()) {
            out[i].sisa_ke = Some(id.clone());
        }
    }
    out
}

/// A ranking as the plan states it (empty when the juknis states none).
fn ranking(u: Option<&Spanned<Vec<Spanned<crate::model::Kriteria>>>>) -> Vec<KriteriaPlan> {
    u.map(|u| {
        u.node
            .iter()
            .map(|k| KriteriaPlan {
                kriteria: k.node.kriteria.clone(),
                arah: k.node.arah,
            })
            .collect()
    })
    .unwrap_or_default()
}

/// TK (no jalur, Pasal 6): one unit per age group of `usia` (Pasal 10),
/// selected in the first wave, its seats the schools file's
/// `daya_tampung_GROUP` column, ranked by the juknis's `urutan`.
fn tk_groups(j: &Juknis, usia: &UsiaPlan) -> Vec<UnitSeleksi> {
    if j.jenjang() != Some(Jenjang::TK) {
        return Vec::new();
    }
    let tahap = j.tahap.iter().map(|t| t.nomor.node).min().unwrap_or(1);
    let urutan = ranking(j.urutan_tk.as_ref());
    usia.kelompok
        .iter()
        .map(|k| {
            let id = format!("kelompok_{}", k.nama);
            UnitSeleksi {
                jalur: id.clone(),
                kuota: Persen::ZERO,
                tahap,
                syarat: vec![Syarat::Kelompok {
                    nama: k.nama.clone(),
                    minimal_bulan: k.minimal_bulan,
                    maksimal_bulan: k.maksimal_bulan,
                }],
                dokumen: Vec::new(),
                urutan: urutan.clone(),
                per: None,
                sisa_ke: None,
                lanjut_ke: None,
                ulang_dari: None,
                kursi_kolom: Some(format!("daya_tampung_{}", k.nama)),
                id,
            }
        })
        .collect()
}

/// Within one wave, a unit whose unfilled seats flow to another comes first,
/// and so does a unit whose applicants cascade into another (`lanjut`).
fn order_by_carry_over(units: &mut Vec<String>, seleksi: &[UnitSeleksi]) {
    let unit = |id: &str| seleksi.iter().find(|u| u.id == id);
    let target = |id: &str| unit(id).and_then(|u| u.sisa_ke.clone());
    let cascade = |id: &str| unit(id).and_then(|u| u.lanjut_ke.clone());
    let mut ordered: Vec<String> = Vec::new();
    let mut rest = units.clone();
    // Repeatedly take units that no remaining unit sends seats to.
    while !rest.is_empty() {
        let pos = rest
            .iter()
            .position(|u| {
                !rest.iter().any(|o| {
                    o != u
                        && (target(o).is_some_and(|t| t == *u || u.starts_with(&format!("{t}.")))
                            || cascade(o).is_some_and(|t| t == *u))
                })
            })
            .unwrap_or(0);
        ordered.push(rest.remove(pos));
    }
    *units = ordered;
}

/// A unit's documents. Where it admits any one of several statuses
/// (`syarat status ketm atau disabilitas`), each document names the statuses it
/// proves (`untuk`), as the checker reads it (a `bukti` line, else its name), so
/// an applicant shows the proof of the status they claim, not all of them.
fn documents(j: &Juknis, leaf: &crate::model::Jalur) -> Vec<crate::plan::Dokumen> {
    let alternatives: Vec<&str> = j
        .syarat_of(leaf)
        .iter()
        .filter_map(|s| match &s.node {
            Syarat::SalahSatu(ns) => Some(ns.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect();
    j.dokumen_of(leaf)
        .iter()
        .map(|d| {
            let mut d = d.node.clone();
            if !alternatives.is_empty() {
                d.untuk = crate::rules::dokumen::proven_by(j, &d.nama)
                    .into_iter()
                    .filter(|s| alternatives.contains(s))
                    .map(str::to_string)
                    .collect();
            }
            d
        })
        .collect()
}
