//! The overview the web page draws: quotas beside the national bound of the
//! jenjang, and the waves' schedule.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use juknis::tinjauan::tinjauan;

fn of(path: &str) -> juknis::tinjauan::Tinjauan {
    let src = std::fs::read_to_string(path).unwrap();
    let c = juknis::check_bytes(src.as_bytes());
    tinjauan(c.juknis.as_ref().unwrap(), c.rulebook, &src)
}

#[test]
fn quotas_sit_beside_the_bound_of_the_jenjang() {
    let t = of("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis");
    assert_eq!(t.jenjang, Some("SMA"));
    let m = t.jalur.iter().find(|j| j.id == "mutasi").unwrap();
    assert_eq!(m.persen, Some(6.0));
    let b = m.batas.as_ref().unwrap();
    assert_eq!(
        (b.jenis, b.persen, b.aturan),
        ("maks", 5.0, "kuota.mutasi.max")
    );
    assert_eq!(m.baris, 42, "the line of the quota");
    let d = t.jalur.iter().find(|j| j.id == "domisili").unwrap();
    let b = d.batas.as_ref().unwrap();
    assert_eq!((b.jenis, b.persen), ("min", 30.0));
    assert!(b
        .pasal
        .as_deref()
        .unwrap()
        .starts_with("Permendikdasmen 3/2025 Pasal 30"));
    assert_eq!(d.sub.len(), 2);
    assert!(d.sub.iter().all(|s| s.batas.is_none()));
    assert_eq!(t.jumlah, Some(100.0));
}

#[test]
fn bounds_follow_the_jenjang() {
    let sd = of("juknis-examples/sesuai/surabaya-sd-2025.juknis");
    let d = sd.jalur.iter().find(|j| j.id == "domisili").unwrap();
    assert_eq!(d.batas.as_ref().map(|b| b.persen), Some(70.0));
    let smk = of("juknis-examples/sesuai/jatim-smk-2025.juknis");
    for j in &smk.jalur {
        if let Some(b) = &j.batas {
            assert!(
                b.aturan.starts_with("smk.") || b.aturan == "kuota.mutasi.max",
                "{}",
                b.aturan
            );
        }
    }
}

#[test]
fn waves_keep_their_dates() {
    let t = of("juknis-examples/sesuai/diy-sma-2025.juknis");
    let nomor: Vec<u32> = t.tahap.iter().map(|x| x.nomor).collect();
    assert_eq!(nomor, [1, 2, 3]);
    let p = &t.tahap[0].jadwal[0];
    assert_eq!(
        (p.tahapan, p.mulai.as_str(), p.selesai.as_str()),
        ("pendaftaran", "2025-06-16", "2025-06-18")
    );
    assert_eq!(t.tahap[2].jalur, ["domisili"]);
}
